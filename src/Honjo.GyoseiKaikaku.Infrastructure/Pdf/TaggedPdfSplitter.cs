using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// Cuts a tagged PDF that Chromium printed from several consecutive booklet parts into one PDF per part, each as if
/// Chromium had printed that part alone: its pages and what they use, the structure elements of those pages under a
/// Document element of its own, its parent tree entries and its bookmarks. <see cref="TaggedPdfMerger"/> reads the
/// pieces like any part, so a booklet printed in two large runs (few prints, both cores) still leaves one reusable
/// PDF per part (ADR 0030). It relies on what Chromium writes for the booklet: one top-level structure element per
/// page (each part's page is a <c>section</c> printed on a page of its own), a flat page tree and a flat parent tree
/// keyed by page only. A file of any other shape returns null, and the caller keeps the run whole.
/// </summary>
public static partial class TaggedPdfSplitter
{
    /// <summary>The pieces, in order, of <paramref name="pageCounts"/> pages each; null when the file is not of the shape above.</summary>
    /// <param name="pdf">Chromium's PDF (PDF 1.4, after <see cref="ToUnicodeNormalizer"/>, before <see cref="PdfObjectStreams.Pack"/>).</param>
    /// <param name="pageCounts">How many pages each piece has; they add up to the file's page count.</param>
    public static IReadOnlyList<byte[]>? Split(byte[] pdf, IReadOnlyList<int> pageCounts)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(pageCounts);
        try
        {
            return TrySplit(pdf, pageCounts);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static List<byte[]>? TrySplit(byte[] pdf, IReadOnlyList<int> pageCounts)
    {
        if (PdfFile.ReadKept(pdf) is not { } file || pageCounts.Any(c => c <= 0))
        {
            return null;
        }

        var objects = file.Objects;
        var catalog = Text(objects, file.Root);
        var pagesRoot = Number(PdfSyntax.Entry("Pages").Match(catalog));
        var structRoot = Number(PdfSyntax.Entry("StructTreeRoot").Match(catalog));
        var rootText = Text(objects, structRoot);
        var document = Number(PdfSyntax.Entry("K").Match(rootText));
        var parentTree = Number(PdfSyntax.Entry("ParentTree").Match(rootText));
        var treeText = Text(objects, parentTree);
        var pageNodes = new List<int>();
        var pages = Leaves(objects, pagesRoot, pageNodes);
        var documentText = Text(objects, document);
        var kids = References(PdfSyntax.DocumentKids().Match(documentText).Groups[1].Value);
        var nextKey = PdfSyntax.NextKey().Match(rootText);
        if (pages.Count != pageCounts.Sum() || kids.Count != pages.Count || treeText.Contains("/Kids", StringComparison.Ordinal)
            || !nextKey.Success || int.Parse(nextKey.Groups[1].Value, CultureInfo.InvariantCulture) != pages.Count
            || pages.Any(p => !PageType().IsMatch(Text(objects, p))))
        {
            return null;
        }

        var entries = new Dictionary<int, string>();
        foreach (Match pair in PdfSyntax.NumsPair().Matches(PdfSyntax.NumsArray().Match(treeText).Groups[1].Value))
        {
            entries[int.Parse(pair.Groups[1].Value, CultureInfo.InvariantCulture)] = pair.Groups[2].Value;
        }

        var bookmarks = Bookmarks(objects, catalog);
        var pieces = new List<byte[]>();
        var first = 0;
        foreach (var count in pageCounts)
        {
            var piecePages = pages.Skip(first).Take(count).ToList();
            var pieceKids = kids.Skip(first).Take(count).ToList();
            var keys = piecePages.Select(p => PdfSyntax.StructParents().Match(Text(objects, p))).ToList();
            if (keys.Any(k => !k.Success))
            {
                return null;
            }

            var values = keys.Select(k => entries.GetValueOrDefault(int.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture))
                ?? throw new InvalidDataException("A page without its parent tree entry.")).ToList();
            var pieceBookmarks = bookmarks.Where(b => piecePages.Contains(b.Page)).ToList();
            pieces.Add(Piece(objects, file.Info, catalog, (pageNodes, structRoot, document, documentText), piecePages, pieceKids, values, pieceBookmarks));
            first += count;
        }

        return bookmarks.All(b => pages.Contains(b.Page)) ? pieces : null;
    }

    private sealed record Bookmark(string Title, string Dest, string? StructElement, int Page);

    /// <summary>Every bookmark, depth first (the order the merger reads them in), with the page its destination is on.</summary>
    private static List<Bookmark> Bookmarks(Dictionary<int, PdfObject> objects, string catalog)
    {
        var list = new List<Bookmark>();
        if (PdfSyntax.Entry("Outlines").Match(catalog) is not { Success: true } outlines
            || PdfSyntax.Entry("First").Match(Text(objects, Number(outlines))) is not { Success: true } firstItem)
        {
            return list;
        }

        var stack = new Stack<int>([Number(firstItem)]);
        while (stack.Count > 0)
        {
            var text = Text(objects, stack.Pop());
            if (PdfSyntax.Entry("Next").Match(text) is { Success: true } next)
            {
                stack.Push(Number(next));
            }

            if (PdfSyntax.Entry("First").Match(text) is { Success: true } child)
            {
                stack.Push(Number(child));
            }

            var title = PdfSyntax.Title().Match(text);
            var dest = Dest().Match(text);
            if (!title.Success || !dest.Success)
            {
                throw new InvalidDataException("A bookmark without a title or a destination.");
            }

            var se = PdfSyntax.Entry("SE").Match(text);
            list.Add(new Bookmark(title.Value, dest.Value, se.Success ? se.Value : null, Number(dest)));
        }

        return list;
    }

    /// <summary>One piece: the pages, everything they and their structure elements use, renumbered from 1.</summary>
    private static byte[] Piece(
        Dictionary<int, PdfObject> objects, int? info, string catalog, (List<int> PageNodes, int StructRoot, int Document, string Text) tree,
        List<int> pages, List<int> kids, List<string> parentValues, List<Bookmark> bookmarks)
    {
        // What the pages and the structure elements reach, not following the links back up (a page's /Parent, an
        // element's /P), which lead to the whole file, nor an element's page (/Pg): Chromium marks an invisible
        // piece of a sheet (its white background, painted past the bottom of the page before) on the page before,
        // and that mark stays with the page it is on.
        var kept = new HashSet<int>(pages);
        Reach(objects, pages.Concat(kids).Concat(info is { } i ? [i] : []), kept, pages);
        foreach (var bookmark in bookmarks.Where(b => b.StructElement is not null))
        {
            if (!kept.Contains(Number(PdfSyntax.Entry("SE").Match(bookmark.StructElement!))))
            {
                throw new InvalidDataException("A bookmark's structure element is on another page.");
            }
        }

        var map = new Dictionary<int, int>();
        foreach (var number in kept.Order())
        {
            map[number] = map.Count + 1;
        }

        var next = map.Count + 1;
        int New() => next++;
        var catalogNumber = New();
        var pagesNumber = New();
        var structRootNumber = New();
        var documentNumber = map.TryGetValue(tree.Document, out var d) ? d : New();
        var parentTreeNumber = New();
        var outlineNumber = bookmarks.Count > 0 ? New() : 0;
        foreach (var node in tree.PageNodes)
        {
            map.TryAdd(node, pagesNumber);
        }

        map.TryAdd(tree.StructRoot, structRootNumber);
        map.TryAdd(tree.Document, documentNumber);
        string Map(string text) => PdfSyntax.MapReferences(text, n => map.TryGetValue(n, out var to) ? to : throw new InvalidDataException($"Object {n} is outside the piece."));

        var written = new SortedDictionary<int, PdfObject>();
        foreach (var number in kept)
        {
            var body = objects[number];
            var text = Map(body.StreamData is null && StructElement().IsMatch(body.Text) ? OwnPagesOnly(body.Text, pages) : body.Text);
            if (pages.IndexOf(number) is var index and >= 0)
            {
                text = PdfSyntax.StructParents().Replace(text, $"/StructParents {index}");
            }

            written[map[number]] = body with { Text = text };
        }

        written[pagesNumber] = new PdfObject($"<</Type /Pages\n/Count {pages.Count}\n/Kids [{string.Join(' ', pages.Select(p => $"{map[p]} 0 R"))}]>>", null);
        written[documentNumber] = new PdfObject(
            Map(PdfSyntax.DocumentKids().Replace(tree.Text, "/K [" + string.Join(' ', kids.Select(k => $"{k} 0 R")) + "]")), null);
        written[structRootNumber] = new PdfObject($"<</Type /StructTreeRoot\n/K {documentNumber} 0 R\n/ParentTreeNextKey {pages.Count}\n/ParentTree {parentTreeNumber} 0 R>>", null);
        // Each page's marks, in line; a mark whose element is in another piece (see above) has none here.
        string Marks(string value)
        {
            var array = References(value) is [var single] && !value.TrimStart().StartsWith('[') ? Text(objects, single) : value;
            return PdfSyntax.MapReferences(
                PdfSyntax.Reference().Replace(array, m => kept.Contains(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) ? m.Value : "null"),
                n => map[n]).Trim();
        }

        written[parentTreeNumber] = new PdfObject(
            "<</Type /ParentTree\n/Nums [" + string.Join(' ', parentValues.Select((v, k) => $"{k} {Marks(v)}")) + "]>>", null);
        if (bookmarks.Count > 0)
        {
            var items = bookmarks.Select(_ => New()).ToList();
            for (var b = 0; b < bookmarks.Count; b++)
            {
                var text = new StringBuilder($"<</Title {bookmarks[b].Title}\n{Map(bookmarks[b].Dest)}\n/Parent {outlineNumber} 0 R");
                text.Append(bookmarks[b].StructElement is { } se ? "\n" + Map(se) : string.Empty)
                    .Append(b > 0 ? $"\n/Prev {items[b - 1]} 0 R" : string.Empty)
                    .Append(b < bookmarks.Count - 1 ? $"\n/Next {items[b + 1]} 0 R" : string.Empty)
                    .Append(">>");
                written[items[b]] = new PdfObject(text.ToString(), null);
            }

            written[outlineNumber] = new PdfObject($"<</Type /Outlines\n/First {items[0]} 0 R\n/Last {items[^1]} 0 R\n/Count {items.Count}>>", null);
        }

        // The catalog's page tree and structure root are among the mapped objects (see above).
        var catalogText = Map(Outlines().Replace(catalog, string.Empty));
        if (bookmarks.Count > 0)
        {
            catalogText = catalogText.Replace("/Type /Catalog", $"/Type /Catalog\n/Outlines {outlineNumber} 0 R", StringComparison.Ordinal);
        }

        written[catalogNumber] = new PdfObject(catalogText, null);
        return Write(written, catalogNumber, info is { } infoNumber ? map[infoNumber] : null);
    }

    /// <summary>
    /// A structure element's text without its marked content on pages outside <paramref name="pages"/>: the bare
    /// MCIDs of its /Pg when that page is elsewhere (its /Pg then names a page of the piece it marks, or goes), and
    /// marked-content references to pages elsewhere.
    /// </summary>
    private static string OwnPagesOnly(string element, List<int> pages)
    {
        var page = PdfSyntax.Entry("Pg").Match(element);
        var foreignPage = page.Success && !pages.Contains(Number(page));
        bool Foreign(string mcr) => PdfSyntax.Entry("Pg").Match(mcr) is { Success: true } p ? !pages.Contains(Number(p)) : foreignPage;
        if (!foreignPage && !McrDictionary().Matches(element).Any(m => Foreign(m.Value)))
        {
            return element;
        }

        var kept = new List<string>();
        var kids = KidsEntry().Match(element);
        if (kids.Success)
        {
            foreach (Match token in KidToken().Matches(kids.Groups[1].Success ? kids.Groups[1].Value : kids.Groups[2].Value))
            {
                if (token.Groups["ref"].Success || (token.Groups["dict"].Success && !Foreign(token.Value)) || (token.Groups["mcid"].Success && !foreignPage))
                {
                    kept.Add(token.Value);
                }
            }
        }

        var text = kids.Success ? element[..kids.Index] + "/K [" + string.Join(' ', kept) + "]" + element[(kids.Index + kids.Length)..] : element;
        if (foreignPage)
        {
            var own = kept.Select(k => PdfSyntax.Entry("Pg").Match(k)).FirstOrDefault(m => m.Success);
            text = PdfSyntax.Entry("Pg").Replace(text, own is null ? string.Empty : own.Value, 1);
        }

        return text;
    }

    /// <summary>The pages under the page tree node <paramref name="node"/> in order; the nodes themselves into <paramref name="nodes"/>.</summary>
    private static List<int> Leaves(Dictionary<int, PdfObject> objects, int node, List<int> nodes)
    {
        nodes.Add(node);
        var leaves = new List<int>();
        foreach (var kid in References(Kids().Match(Text(objects, node)).Groups[1].Value))
        {
            if (PageType().IsMatch(Text(objects, kid)))
            {
                leaves.Add(kid);
            }
            else if (nodes.Count < 10_000)
            {
                leaves.AddRange(Leaves(objects, kid, nodes));
            }
        }

        return leaves;
    }

    /// <summary>Adds to <paramref name="kept"/> every object reachable from <paramref name="roots"/> except by a link upwards.</summary>
    private static void Reach(Dictionary<int, PdfObject> objects, IEnumerable<int> roots, HashSet<int> kept, List<int> pages)
    {
        var queue = new Queue<int>(roots);
        foreach (var root in queue)
        {
            kept.Add(root);
        }

        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            var text = UpwardLink().Replace(Text(objects, from), string.Empty);
            foreach (var reference in References(text))
            {
                if (kept.Add(reference))
                {
                    if (!objects.TryGetValue(reference, out var body))
                    {
                        throw new InvalidDataException($"Object {reference} is missing.");
                    }

                    if (body.StreamData is null && PageType().IsMatch(body.Text) && !pages.Contains(reference))
                    {
                        throw new InvalidDataException($"An element of the piece points to a page of another piece: {from}: {text}");
                    }

                    queue.Enqueue(reference);
                }
            }
        }
    }

    /// <summary>A PDF 1.4 file (cross-reference table), as <see cref="PdfFile.Read"/> reads it.</summary>
    private static byte[] Write(SortedDictionary<int, PdfObject> objects, int root, int? info)
    {
        using var output = new MemoryStream();
        PdfSyntax.Write(output, "%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        var size = objects.Keys.Max() + 1;
        var offsets = new long[size];
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Position;
            PdfSyntax.Write(output, $"{number} 0 obj\n{body.Text.Trim()}\n");
            if (body.StreamData is { } data)
            {
                output.Write(data.Span);
                PdfSyntax.Write(output, "\n");
            }

            PdfSyntax.Write(output, "endobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var n = 1; n < size; n++)
        {
            table.Append(offsets[n] > 0 ? $"{offsets[n]:D10} 00000 n \n" : "0000000000 65535 f \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}\n/Root {root} 0 R{(info is { } i ? $"\n/Info {i} 0 R" : string.Empty)}>>\nstartxref\n{xref}\n%%EOF\n");
        PdfSyntax.Write(output, table.ToString());
        return output.ToArray();
    }

    private static string Text(Dictionary<int, PdfObject> objects, int number) =>
        objects.TryGetValue(number, out var body) ? body.Text : throw new InvalidDataException($"Object {number} is missing.");

    private static int Number(Match m) =>
        m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidDataException("An expected entry is missing.");

    private static List<int> References(string text) =>
        PdfSyntax.Reference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"/(?:K\s*\[((?:[^\[\]<]|<<[^>]*>>)*)\]|K\s+(\d+)(?![\d ]*R))")]
    private static partial Regex KidsEntry();

    [GeneratedRegex(@"(?<ref>\d+ 0 R)|(?<dict><<[^>]*>>)|(?<mcid>\d+)")]
    private static partial Regex KidToken();

    [GeneratedRegex(@"<<[^>]*/MCR[^>]*>>")]
    private static partial Regex McrDictionary();

    [GeneratedRegex(@"/(?:P|Parent|Pg) \d+ 0 R")]
    private static partial Regex UpwardLink();

    [GeneratedRegex(@"/Type /Page(?![A-Za-z])")]
    private static partial Regex PageType();

    [GeneratedRegex(@"/Type /StructElem\b")]
    private static partial Regex StructElement();

    [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
    private static partial Regex Kids();







    [GeneratedRegex(@"/Dest \[\s*(\d+) 0 R[^\]]*\]")]
    private static partial Regex Dest();

    [GeneratedRegex(@"\s*/Outlines \d+ 0 R")]
    private static partial Regex Outlines();
}
