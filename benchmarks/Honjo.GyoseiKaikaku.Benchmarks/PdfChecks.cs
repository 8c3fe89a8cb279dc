using Honjo.GyoseiKaikaku.Domain.Booklets;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>What the benchmark checks in a PDF it timed, read back with PdfPig.</summary>
internal static class PdfChecks
{
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Bookmarks to every field and sheet, each on the page the 目次 gives; null when right, else what is wrong.</summary>
    public static string? Bookmarks(PdfDocument pdf, BookletDocument booklet)
    {
        if (!pdf.TryGetBookmarks(out var bookmarks))
        {
            return "no bookmarks";
        }

        var pages = new Dictionary<string, int>();
        foreach (var node in Flatten(bookmarks.Roots).OfType<DocumentBookmarkNode>())
        {
            pages.TryAdd(node.Title, node.PageNumber);
        }

        var wrong = booklet.Fields.Where(f => !pages.TryGetValue("改革分野" + f.Title, out var p) || p != f.Page).Select(f => f.Title)
            .Concat(booklet.Sheets.Where(s => !pages.TryGetValue($"{s.Number} {s.Name}", out var p) || p != s.Page).Select(s => s.Number.ToString()))
            .ToList();
        return wrong.Count == 0 ? null : $"{wrong.Count} bookmarks missing or on another page, e.g. {wrong[0]}";
    }

    public static bool Tagged(PdfDocument pdf) =>
        pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot)
        && pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.MarkInfo);

    /// <summary>
    /// Each 目次 page lists exactly its rows with the page the pagination gave them, and every sheet is printed on
    /// that page. Null when right, else the first thing wrong.
    /// </summary>
    public static string? Contents(PdfDocument pdf, BookletDocument booklet)
    {
        if (pdf.NumberOfPages != booklet.PageCount)
        {
            return $"{pdf.NumberOfPages} pages printed, the 目次 counts {booklet.PageCount}";
        }

        var fields = booklet.Fields.ToDictionary(f => f.Number);
        foreach (var page in booklet.Contents.Pages)
        {
            var text = Squash(pdf.GetPage(page.Page).Text);
            foreach (var block in page.Blocks)
            {
                foreach (var sheet in fields[block.FieldNumber].Sheets.Skip(block.Start).Take(block.Count))
                {
                    if (!text.Contains(Squash($"{sheet.Name}{sheet.ExecutingDepartmentsText}{sheet.StartYear}{sheet.Page}"), StringComparison.Ordinal))
                    {
                        return $"目次 page {page.Page} lacks the row of {sheet.Number} (page {sheet.Page})";
                    }
                }
            }
        }

        foreach (var sheet in booklet.Sheets)
        {
            if (!Squash(pdf.GetPage(sheet.Page).Text).Contains(Squash($"計画番号{sheet.Number}・{sheet.Page}頁"), StringComparison.Ordinal))
            {
                return $"page {sheet.Page} is not the sheet of {sheet.Number}";
            }
        }

        return null;
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));
}
