namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>The workbook's fonts, colours, cell looks and page setup, in one place.</summary>
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

    private const string LabelFill = "E8EDF3";
    private const string FieldFill = "F3F5F8";
    private const string CurrentYearLabelFill = "F6E7A9";
    private const string CurrentYearFill = "FFFBE6";
    private const string OutsidePeriodFill = "F4F4F4";
    private const string LinkColor = "0563C1";

    /// <summary>A row label (the printed sheet's grey-blue left column) or a header cell.</summary>
    public static readonly CellLook Label = new(Fill: LabelFill, Bold: true, Horizontal: Horizontal.Center, Vertical: Vertical.Center, Wrap: true);

    /// <summary>A text cell: top-left, wrapped.</summary>
    public static readonly CellLook Value = new(Horizontal: Horizontal.Left, Vertical: Vertical.Top, Wrap: true);

    /// <summary>A text cell of a list: left, vertically centred, wrapped.</summary>
    public static readonly CellLook Middle = Value with { Vertical = Vertical.Center };

    /// <summary>A short value centred in its cell (numbers, years, grades).</summary>
    public static readonly CellLook Centered = new(Horizontal: Horizontal.Center, Vertical: Vertical.Center, Wrap: true);

    public static readonly CellLook Bold = Value with { Bold = true };

    public static readonly CellLook Title = new(Bold: true, Horizontal: Horizontal.Left, Vertical: Vertical.Bottom, Wrap: true);

    public static readonly CellLook RightNote = new(Horizontal: Horizontal.Right, Vertical: Vertical.Bottom, Wrap: true);

    /// <summary>A 改革分野 heading row of the 一覧.</summary>
    public static readonly CellLook FieldHeading = Value with { Vertical = Vertical.Center, Bold = true, Fill = FieldFill };

    public static readonly CellLook Link = Middle with { FontColor = LinkColor, Underline = true };

    public static readonly CellLook CurrentYearLabel = Label with { Fill = CurrentYearLabelFill };

    public static CellLook Target(bool currentYear, bool inPlanPeriod) =>
        Value with { Fill = currentYear ? CurrentYearFill : !inPlanPeriod ? OutsidePeriodFill : null };

    /// <summary>
    /// A4 portrait with 10 mm side margins, the document title in the header and the booklet's page number in the
    /// footer (numbering starts at <paramref name="firstPage"/>, so a sheet prints the page the 一覧 names).
    /// </summary>
    public static PageSetup PageSetup(string title, int firstPage, int lastRow, int lastColumn, bool onePage) =>
        new(title, firstPage, lastRow, lastColumn, onePage);
}

/// <summary>
/// How a sheet prints: A4 portrait, fitted to one page (or to the page's width), 10 mm side margins, centred, the
/// print area, the title at the top right and the booklet's page number at the bottom (from <see cref="FirstPage"/>).
/// </summary>
internal sealed record PageSetup(string Title, int FirstPage, int LastRow, int LastColumn, bool OnePage)
{
    public const double Left = 0.4;
    public const double Right = 0.4;
    public const double Top = 0.6;
    public const double Bottom = 0.6;
    public const double Header = 0.3;
    public const double Footer = 0.3;

    private const string Font = "&\"" + ExcelLook.FontName + ",Regular\"&8";

    /// <summary>The header: the title at the right, in the booklet's font ('&amp;' doubled).</summary>
    public string HeaderText => "&R" + Font + ExcelText.HeaderFooter(Title);

    /// <summary>The footer: the page number in the centre.</summary>
    public static string FooterText => "&C" + Font + "&P";
}
