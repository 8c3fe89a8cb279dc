using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// A booklet PDF's text as a reader gets it: each page's characters in the order they are printed (content order),
/// whitespace left out (how a PDF spaces glyphs is not text). The R6 booklet's text as the main branch printed it
/// before issue #11 changed the PDF route is kept in Baselines/booklet-R6.txt, one line a page. Since issue #12 made
/// each sheet's tagged heading carry the whole field and plan name (ADR 0025), every sheet page's text starts with that
/// heading (printed 1 pt white, unseen) where it used to end with the heading's first glyph; nothing else changed.
/// </summary>
public static class BookletText
{
    public static string R6BaselinePath => Path.Combine(RepoPaths.Root, "tests", "Honjo.GyoseiKaikaku.TestSupport", "Baselines", "booklet-R6.txt");

    public static IReadOnlyList<string> PerPage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(page => string.Concat(page.Letters.SelectMany(l => l.Value).Where(c => !char.IsWhiteSpace(c))))
            .ToList();
    }

    public static IReadOnlyList<string> R6Baseline() => File.ReadAllLines(R6BaselinePath);

    /// <summary>Null when every page of <paramref name="actual"/> reads as <paramref name="expected"/>; else what differs, with the first page that does.</summary>
    public static string? Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var differing = DifferingPages(expected, actual);
        return differing.Count == 0 ? null
            : differing[0] == 0 ? $"{actual.Count} pages, the baseline has {expected.Count}."
            : $"Pages {string.Join(", ", differing)} differ. Page {differing[0]}:\nexpected {expected[differing[0] - 1]}\nactual   {actual[differing[0] - 1]}";
    }

    /// <summary>The pages whose text differs from <paramref name="expected"/> (1-based), and a page count that differs as page 0.</summary>
    public static IReadOnlyList<int> DifferingPages(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differing = Enumerable.Range(0, Math.Min(expected.Count, actual.Count))
            .Where(i => !string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            .Select(i => i + 1)
            .ToList();
        if (expected.Count != actual.Count)
        {
            differing.Insert(0, 0);
        }

        return differing;
    }
}
