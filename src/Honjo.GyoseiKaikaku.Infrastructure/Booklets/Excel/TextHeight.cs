using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// Estimates how tall a wrapped cell must be. ClosedXML's AdjustToContents needs libgdiplus and is wrong for merged
/// wrapped cells, so the height is computed here from the text: characters are counted in full-width units
/// (a kanji or kana is 1, ASCII and half-width kana are 0.6 — a little more than the 0.5 of a monospaced
/// Japanese font, for proportional fallbacks), each explicit line is wrapped at the width of the (merged) cell,
/// and the lines are multiplied by a line height. The estimate errs on the tall side: a cut text is a defect, a
/// little white space is not.
/// </summary>
internal static class TextHeight
{
    /// <summary>Excel's largest row height in points.</summary>
    public const double MaxRowHeight = 409.0;

    /// <summary>Pixels per width unit: a column's width is counted in digits of the Normal style's font (Calibri 11, 7 px).</summary>
    private const double PixelsPerWidthUnit = 7.0;

    /// <summary>Excel adds 5 px of padding to each column's width.</summary>
    private const double ColumnPaddingPixels = 5.0;

    /// <summary>Left and right inner margins of a cell's text, together.</summary>
    private const double CellTextMarginPixels = 6.0;

    /// <summary>
    /// A line of Japanese text takes about 1.45 times the font size: Noto Sans CJK's line gap, which LibreOffice
    /// uses; ＭＳ ゴシック in Excel needs a little less (≈1.25), so Excel shows a little extra space, never a cut.
    /// </summary>
    private const double LineHeightFactor = 1.45;

    /// <summary>Space above and below the text in a cell, in points.</summary>
    private const double VerticalPadding = 3.0;

    /// <summary>The width in pixels of columns whose widths (in Excel's units) are <paramref name="widths"/>.</summary>
    public static double Pixels(IEnumerable<double> widths) => widths.Sum(w => (w * PixelsPerWidthUnit) + ColumnPaddingPixels);

    /// <summary>How many full-width characters fit on one line of a cell <paramref name="pixels"/> wide.</summary>
    public static double Capacity(double pixels, double fontSize) =>
        Math.Max(1.0, Math.Floor((pixels - CellTextMarginPixels) / (fontSize * 96.0 / 72.0)));

    /// <summary>The lines <paramref name="text"/> wraps into at <paramref name="capacity"/> full-width characters a line.</summary>
    /// <remarks>
    /// The booklet's one wrapping rule (<see cref="PrintedText.Lines(string, double, Func{char, double})"/>: a wrapped
    /// line holds one character less, for kinsoku) with this workbook's character widths.
    /// </remarks>
    public static int Lines(string text, double capacity) => PrintedText.Lines(text, capacity, Width);

    /// <summary>The width of a character in full-width units: ASCII and half-width kana 0.6, anything else 1.</summary>
    private static double Width(char c) => c <= '\u007f' || (c >= '\uff61' && c <= '\uff9f') ? 0.6 : 1.0;

    /// <summary>The height in points of <paramref name="lines"/> lines at <paramref name="fontSize"/>, rounded up to whole pixels.</summary>
    public static double Points(int lines, double fontSize)
    {
        var points = (lines * fontSize * LineHeightFactor) + (2 * VerticalPadding);
        return Math.Ceiling(points / 0.75) * 0.75;
    }

    /// <summary>The height in points <paramref name="text"/> needs in a cell <paramref name="pixels"/> wide.</summary>
    public static double Points(string text, double pixels, double fontSize, int minLines = 1) =>
        Points(Math.Max(minLines, Lines(text, Capacity(pixels, fontSize))), fontSize);
}
