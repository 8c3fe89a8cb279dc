namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

internal enum Horizontal
{
    General,
    Left,
    Center,
    Right,
}

internal enum Vertical
{
    Bottom,
    Top,
    Center,
}

internal enum Lines
{
    None,

    /// <summary>Thin lines on all four sides: a table's cells together draw its grid.</summary>
    Grid,

    /// <summary>A medium line below (the title row of a plan sheet).</summary>
    MediumBelow,
}

/// <summary>
/// Everything a cell's format says, as a value: equal looks are one cell format (<c>&lt;xf&gt;</c>) in the
/// workbook's style table. Colours are RGB hex ("E8EDF3"); the font is always <see cref="ExcelLook.FontName"/>.
/// </summary>
internal readonly record struct CellLook(
    double FontSize = ExcelLook.FontSize,
    bool Bold = false,
    bool Underline = false,
    string? FontColor = null,
    string? Fill = null,
    Horizontal Horizontal = Horizontal.General,
    Vertical Vertical = Vertical.Bottom,
    bool Wrap = false,
    Lines Lines = Lines.None,
    bool QuotePrefix = false);
