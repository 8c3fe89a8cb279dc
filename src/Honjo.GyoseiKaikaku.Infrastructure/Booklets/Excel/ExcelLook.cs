using ClosedXML.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>The workbook's fonts, colours, cell styles and page setup, in one place.</summary>
internal static class ExcelLook
{
    /// <summary>
    /// ＭＳ ゴシック ships with every Japanese Windows and Office and is monospaced, so the row-height estimate is
    /// exact where the booklet is edited; LibreOffice substitutes a Japanese Gothic (Noto Sans CJK JP on Debian).
    /// </summary>
    public const string FontName = "ＭＳ ゴシック";

    public const double FontSize = 9;
    public const double SmallFontSize = 8;
    public const double TargetFontSize = 8.5;
    public const double NameFontSize = 11;
    public const double TitleFontSize = 12;

    private static readonly XLColor LabelFill = XLColor.FromArgb(0xE8, 0xED, 0xF3);
    private static readonly XLColor FieldFill = XLColor.FromArgb(0xF3, 0xF5, 0xF8);
    private static readonly XLColor CurrentYearLabelFill = XLColor.FromArgb(0xF6, 0xE7, 0xA9);
    private static readonly XLColor CurrentYearFill = XLColor.FromArgb(0xFF, 0xFB, 0xE6);
    private static readonly XLColor OutsidePeriodFill = XLColor.FromArgb(0xF4, 0xF4, 0xF4);
    private static readonly XLColor LinkColor = XLColor.FromArgb(0x05, 0x63, 0xC1);

    /// <summary>A row label (the printed sheet's grey-blue left column) or a header cell.</summary>
    public static void Label(IXLStyle style)
    {
        style.Fill.BackgroundColor = LabelFill;
        style.Font.Bold = true;
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        style.Alignment.WrapText = true;
    }

    /// <summary>A text cell: top-left, wrapped.</summary>
    public static void Value(IXLStyle style)
    {
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        style.Alignment.WrapText = true;
    }

    /// <summary>A text cell of a list: left, vertically centred, wrapped.</summary>
    public static void Middle(IXLStyle style)
    {
        Value(style);
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
    }

    /// <summary>A short value centred in its cell (numbers, years, grades).</summary>
    public static void Centered(IXLStyle style)
    {
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        style.Alignment.WrapText = true;
    }

    public static void Bold(IXLStyle style)
    {
        Value(style);
        style.Font.Bold = true;
    }

    public static void Title(IXLStyle style)
    {
        style.Font.Bold = true;
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
        style.Alignment.WrapText = true;
    }

    public static void RightNote(IXLStyle style)
    {
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
        style.Alignment.WrapText = true;
    }

    /// <summary>A 改革分野 heading row of the 一覧.</summary>
    public static void FieldHeading(IXLStyle style)
    {
        Value(style);
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        style.Font.Bold = true;
        style.Fill.BackgroundColor = FieldFill;
    }

    public static void Link(IXLStyle style)
    {
        Middle(style);
        style.Font.FontColor = LinkColor;
        style.Font.Underline = XLFontUnderlineValues.Single;
    }

    public static void CurrentYearLabel(IXLStyle style)
    {
        Label(style);
        style.Fill.BackgroundColor = CurrentYearLabelFill;
    }

    public static void Target(IXLStyle style, bool currentYear, bool inPlanPeriod)
    {
        Value(style);
        if (currentYear)
        {
            style.Fill.BackgroundColor = CurrentYearFill;
        }
        else if (!inPlanPeriod)
        {
            style.Fill.BackgroundColor = OutsidePeriodFill;
        }
    }

    /// <summary>Thin lines around a cell: a table's cells together draw its grid.</summary>
    public static void GridLines(IXLStyle style)
    {
        style.Border.TopBorder = XLBorderStyleValues.Thin;
        style.Border.BottomBorder = XLBorderStyleValues.Thin;
        style.Border.LeftBorder = XLBorderStyleValues.Thin;
        style.Border.RightBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>
    /// A4 portrait with 10 mm side margins, the document title in the header and the booklet's page number in the
    /// footer (numbering starts at <paramref name="firstPage"/>, so a sheet prints the page the 一覧 names).
    /// </summary>
    public static void PageSetup(IXLWorksheet sheet, string title, int firstPage, int lastRow, int lastColumn, bool onePage)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Portrait;
        if (onePage)
        {
            page.FitToPages(1, 1);
        }
        else
        {
            page.FitToPages(1, 0);
        }

        page.Margins.Left = 0.4;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.6;
        page.Margins.Bottom = 0.6;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        page.CenterHorizontally = true;
        page.PrintAreas.Add(1, 1, lastRow, lastColumn);
        page.FirstPageNumber = (uint)firstPage;

        const string Font = "&\"" + FontName + ",Regular\"&8";
        page.Header.Right.AddText(Font + ExcelText.HeaderFooter(title), XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(Font + "&P", XLHFOccurrence.AllPages);
        sheet.ShowGridLines = false;
    }
}
