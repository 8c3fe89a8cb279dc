namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// The document's bookmarks from its pages' <see cref="PdfPage.Bookmarks"/>, in page order: level 1 entries at the
/// top, level 2 (and deeper) under the last level 1 before them — or at the top when there is none (a single-plan
/// PDF has only its sheet's bookmark). All entries open.
/// </summary>
internal sealed class Outline
{
    private readonly List<(PdfBookmark Bookmark, int Page, int Parent)> _entries;
    private readonly int _firstNumber;

    private Outline(List<(PdfBookmark Bookmark, int Page, int Parent)> entries, int firstNumber)
    {
        _entries = entries;
        _firstNumber = firstNumber;
    }

    /// <summary>The number of outline entries (the objects after the outline's root).</summary>
    public int Count => _entries.Count;

    public static Outline Collect(IReadOnlyList<PdfPage> pages, int firstNumber)
    {
        var entries = new List<(PdfBookmark, int, int)>();
        var lastTop = -1;
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var bookmark in pages[p].Bookmarks)
            {
                if (bookmark.Level <= 1 || lastTop < 0)
                {
                    if (bookmark.Level <= 1)
                    {
                        lastTop = entries.Count;
                    }

                    entries.Add((bookmark, p, -1));
                }
                else
                {
                    entries.Add((bookmark, p, lastTop));
                }
            }
        }

        return new Outline(entries, firstNumber);
    }

    /// <summary>The outline's root (when there are entries) and each entry, linked to its parent and siblings.</summary>
    public IEnumerable<(int Number, byte[] Body)> Objects(int[] pageNumbers, IReadOnlyList<PdfPage> pages)
    {
        if (_entries.Count == 0)
        {
            yield break;
        }

        var children = new Dictionary<int, List<int>>();
        for (var i = 0; i < _entries.Count; i++)
        {
            var parent = _entries[i].Parent;
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(i);
        }

        int Number(int entry) => entry < 0 ? OutlineRootNumber : _firstNumber + entry;
        var top = children[-1];
        yield return (OutlineRootNumber, new PdfBytes(64).Append("<</Type /Outlines /First ").AppendReference(Number(top[0]))
            .Append(" /Last ").AppendReference(Number(top[^1])).Append(" /Count ").Append(_entries.Count).Append(">>").ToArray());

        foreach (var (parent, siblings) in children)
        {
            for (var s = 0; s < siblings.Count; s++)
            {
                var i = siblings[s];
                var (bookmark, page, _) = _entries[i];
                var body = new PdfBytes(128).Append("<</Title ").AppendTextString(bookmark.Title).Append(" /Parent ").AppendReference(Number(parent));
                if (s > 0)
                {
                    body.Append(" /Prev ").AppendReference(Number(siblings[s - 1]));
                }

                if (s < siblings.Count - 1)
                {
                    body.Append(" /Next ").AppendReference(Number(siblings[s + 1]));
                }

                if (children.TryGetValue(i, out var kids))
                {
                    body.Append(" /First ").AppendReference(Number(kids[0])).Append(" /Last ").AppendReference(Number(kids[^1])).Append(" /Count ").Append(kids.Count);
                }

                body.Append(" /Dest [").AppendReference(pageNumbers[page]).Append(" /XYZ 0 ").AppendNumber(pages[page].Height - bookmark.Y).Append(" 0]>>");
                yield return (Number(i), body.ToArray());
            }
        }
    }

    // The outline's root has a fixed number (TaggedPdfWriter's OutlinesNumber).
    private const int OutlineRootNumber = 8;
}
