using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// Joins tagged PDFs that Chromium printed from parts of one document into one tagged PDF, keeping what a general
/// merger (PDFsharp's page import) drops: one structure tree (the parts' Document elements become one, their
/// elements in order), one parent tree (each page's /StructParents shifted), and one outline rebuilt from the parts'
/// bookmarks (the part's destinations and structure links kept; sheet bookmarks nested under the field before them).
/// The pages and their contents are the parts' own objects, renumbered; each typeface's subsets become one
/// (<see cref="PdfFontMerger"/>). See ADR 0021.
/// </summary>
public static partial class TaggedPdfMerger
{
    /// <summary>Merges <paramref name="parts"/> in order; throws <see cref="InvalidDataException"/> on a part it cannot read.</summary>
    /// <param name="parts">Chromium's PDFs (PDF 1.4, before <see cref="PdfObjectStreams.Pack"/>).</param>
    /// <param name="isNested">Whether a bookmark of that title goes under the top-level one before it (a sheet under its field).</param>
    public static byte[] Merge(IReadOnlyList<byte[]> parts, Func<string, bool> isNested)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(isNested);
        var objects = new Dictionary<int, PdfObject>();
        var pageRoots = new List<int>();
        var documentKids = new List<string>();
        var parentTree = new StringBuilder();
        var bookmarks = new List<(string TitleToken, string Title, string Links)>();
        var pageCount = 0;
        var nextKey = 0;
        var offset = 0;
        int? info = null;
        string catalogText = string.Empty;
        var structRoot = 0;
        var document = 0;

        foreach (var bytes in parts)
        {
            var part = PdfFile.ReadKept(bytes) ?? throw new InvalidDataException("A part of the PDF could not be read.");
            var shift = offset;
            string Renumber(string text) => PdfSyntax.ShiftReferences(text, shift);
            int Number(Match m) => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);

            var catalog = part.Objects[part.Root].Text;
            var pagesRoot = Number(PdfSyntax.Entry("Pages").Match(catalog));
            var partStructRoot = Number(PdfSyntax.Entry("StructTreeRoot").Match(catalog));
            var outlines = PdfSyntax.Entry("Outlines").Match(catalog);
            var rootText = part.Objects[partStructRoot].Text;
            var partDocument = Number(PdfSyntax.Entry("K").Match(rootText));
            var partParentTree = Number(PdfSyntax.Entry("ParentTree").Match(rootText));
            var partNextKey = int.Parse(PdfSyntax.NextKey().Match(rootText).Groups[1].Value, CultureInfo.InvariantCulture);
            var treeText = part.Objects[partParentTree].Text;
            if (treeText.Contains("/Kids", StringComparison.Ordinal) || !PdfSyntax.DocumentKids().IsMatch(part.Objects[partDocument].Text))
            {
                throw new InvalidDataException("A parent tree with /Kids, or a Document element without an array of kids, is not merged.");
            }

            // What is rebuilt is not copied: the catalog, the structure root, the parent tree, the ID tree, the outline.
            var dropped = new HashSet<int> { part.Root, partStructRoot, partParentTree };
            if (PdfSyntax.Entry("IDTree").Match(rootText) is { Success: true } idTree)
            {
                dropped.Add(Number(idTree));
            }

            if (outlines.Success)
            {
                CollectBookmarks(part, Number(outlines), dropped, bookmarks, Renumber);
            }

            if (structRoot == 0)
            {
                catalogText = Renumber(catalog);
                structRoot = partStructRoot + shift;
                document = partDocument + shift;
                info = part.Info is { } i ? i + shift : null;
            }
            else
            {
                dropped.Add(partDocument);
            }

            // The part's Document element's children join the one Document; they and the part's pages point to the
            // merged structure root's objects.
            var keyShift = nextKey;
            foreach (var (number, body) in part.Objects)
            {
                if (dropped.Contains(number))
                {
                    continue;
                }

                var text = Renumber(body.Text);
                if (number == partDocument && document == partDocument + shift)
                {
                    text = PdfSyntax.DocumentKids().Replace(text, "/K [__KIDS__]");
                }
                else
                {
                    text = text.Replace($"/P {partDocument + shift} 0 R", $"/P {document} 0 R", StringComparison.Ordinal);
                }

                text = !text.Contains("/StructParents", StringComparison.Ordinal) ? text : PdfSyntax.StructParents().Replace(text, m => $"/StructParents {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + keyShift}");
                if (number == pagesRoot)
                {
                    text = text.Replace("<<", "<</Parent __PAGES__ 0 R\n", StringComparison.Ordinal);
                    pageCount += int.Parse(PageCount().Match(body.Text).Groups[1].Value, CultureInfo.InvariantCulture);
                }

                objects[number + shift] = body with { Text = text };
            }

            documentKids.Add(Renumber(PdfSyntax.DocumentKids().Match(part.Objects[partDocument].Text).Groups[1].Value));
            foreach (Match pair in PdfSyntax.NumsPair().Matches(PdfSyntax.NumsArray().Match(treeText).Groups[1].Value))
            {
                parentTree.Append(CultureInfo.InvariantCulture, $"{int.Parse(pair.Groups[1].Value, CultureInfo.InvariantCulture) + keyShift} {Renumber(pair.Groups[2].Value)} ");
            }

            pageRoots.Add(pagesRoot + shift);
            nextKey += partNextKey;
            offset += part.Objects.Keys.Max() + 1;
        }

        var pages = offset;
        var parentTreeNumber = offset + 1;
        var outlineRoot = offset + 2;
        var catalogNumber = offset + 3;
        foreach (var root in pageRoots)
        {
            objects[root] = objects[root] with { Text = objects[root].Text.Replace("__PAGES__", pages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) };
        }

        objects[document] = objects[document] with { Text = objects[document].Text.Replace("__KIDS__", string.Join(' ', documentKids), StringComparison.Ordinal) };
        objects[pages] = new PdfObject($"<</Type /Pages\n/Count {pageCount}\n/Kids [{string.Join(' ', pageRoots.Select(r => $"{r} 0 R"))}]>>", null);
        objects[structRoot] = new PdfObject($"<</Type /StructTreeRoot\n/K {document} 0 R\n/ParentTreeNextKey {nextKey}\n/ParentTree {parentTreeNumber} 0 R>>", null);
        objects[parentTreeNumber] = new PdfObject($"<</Type /ParentTree\n/Nums [{parentTree.ToString().TrimEnd()}]>>", null);
        WriteOutline(objects, outlineRoot, catalogNumber + 1, bookmarks, isNested);
        PdfFontMerger.MergeFaces(objects);
        var catalogBody = PdfSyntax.Entry("Pages").Replace(catalogText, $"/Pages {pages} 0 R");
        catalogBody = PdfSyntax.Entry("StructTreeRoot").Replace(catalogBody, $"/StructTreeRoot {structRoot} 0 R");
        catalogBody = PdfSyntax.Entry("Outlines").IsMatch(catalogBody)
            ? PdfSyntax.Entry("Outlines").Replace(catalogBody, $"/Outlines {outlineRoot} 0 R")
            : catalogBody.Replace("/Type /Catalog", $"/Type /Catalog\n/Outlines {outlineRoot} 0 R", StringComparison.Ordinal);
        objects[catalogNumber] = new PdfObject(catalogBody, null);
        return PdfObjectStreams.Write(objects, catalogNumber, info, null);
    }

    /// <summary>The part's bookmarks in reading order (depth first), each title and what else it holds besides links.</summary>
    private static void CollectBookmarks(PdfFile part, int outlines, HashSet<int> dropped, List<(string TitleToken, string Title, string Links)> into, Func<string, string> renumber)
    {
        dropped.Add(outlines);
        var first = PdfSyntax.Entry("First").Match(part.Objects[outlines].Text);
        var stack = new Stack<int>();
        if (first.Success)
        {
            stack.Push(int.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        while (stack.Count > 0)
        {
            var number = stack.Pop();
            dropped.Add(number);
            var text = part.Objects[number].Text;
            if (PdfSyntax.Entry("Next").Match(text) is { Success: true } next)
            {
                stack.Push(int.Parse(next.Groups[1].Value, CultureInfo.InvariantCulture));
            }

            if (PdfSyntax.Entry("First").Match(text) is { Success: true } child)
            {
                stack.Push(int.Parse(child.Groups[1].Value, CultureInfo.InvariantCulture));
            }

            var title = PdfSyntax.Title().Match(text);
            var dest = Dest().Match(text);
            var se = PdfSyntax.Entry("SE").Match(text);
            into.Add((title.Groups[1].Value, DecodeTitle(title.Groups[1].Value), renumber((dest.Success ? dest.Value + "\n" : string.Empty) + (se.Success ? se.Value : string.Empty))));
        }
    }

    /// <summary>Top-level bookmarks with the nested ones (sheets) under the top-level one before them, all open.</summary>
    private static void WriteOutline(Dictionary<int, PdfObject> objects, int root, int firstNumber, List<(string TitleToken, string Title, string Links)> bookmarks, Func<string, bool> isNested)
    {
        var tops = new List<(int Number, int Index, List<(int Number, int Index)> Children)>();
        var number = firstNumber;
        for (var i = 0; i < bookmarks.Count; i++)
        {
            if (isNested(bookmarks[i].Title) && tops.Count > 0)
            {
                tops[^1].Children.Add((number++, i));
            }
            else
            {
                tops.Add((number++, i, []));
            }
        }

        string Item(int index, int parent, int? previous, int? next, List<(int Number, int Index)>? children)
        {
            var (token, _, rest) = bookmarks[index];
            var text = new StringBuilder($"<</Title {token}\n{rest}\n/Parent {parent} 0 R");
            if (previous is { } p)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n/Prev {p} 0 R");
            }

            if (next is { } n)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n/Next {n} 0 R");
            }

            if (children is { Count: > 0 })
            {
                text.Append(CultureInfo.InvariantCulture, $"\n/First {children[0].Number} 0 R\n/Last {children[^1].Number} 0 R\n/Count {children.Count}");
            }

            return text.Append(">>").ToString();
        }

        for (var t = 0; t < tops.Count; t++)
        {
            var (itemNumber, index, children) = tops[t];
            objects[itemNumber] = new PdfObject(Item(index, root, t > 0 ? tops[t - 1].Number : null, t < tops.Count - 1 ? tops[t + 1].Number : null, children), null);
            for (var c = 0; c < children.Count; c++)
            {
                objects[children[c].Number] = new PdfObject(
                    Item(children[c].Index, itemNumber, c > 0 ? children[c - 1].Number : null, c < children.Count - 1 ? children[c + 1].Number : null, null), null);
            }
        }

        objects[root] = tops.Count == 0
            ? new PdfObject("<</Type /Outlines\n/Count 0>>", null)
            : new PdfObject($"<</Type /Outlines\n/First {tops[0].Number} 0 R\n/Last {tops[^1].Number} 0 R\n/Count {bookmarks.Count}>>", null);
    }

    /// <summary>A title written as &lt;FEFF…&gt; (UTF-16) or (…) (PDFDocEncoding, taken as Latin-1).</summary>
    private static string DecodeTitle(string token)
    {
        if (token.StartsWith('<'))
        {
            var hex = token[1..^1];
            var bytes = Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0");
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);
        }

        return token.Length >= 2 ? token[1..^1] : token;
    }




    [GeneratedRegex(@"/Count (\d+)")]
    private static partial Regex PageCount();





    [GeneratedRegex(@"/Dest \[[^\]]*\]")]
    private static partial Regex Dest();
}
