namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>One cell: text (a shared string), a number, or nothing (a styled cell of a merged range).</summary>
internal readonly record struct CellData(int Column, int Style, string? Text = null, double? Number = null);

/// <summary>One row with its height in points and its cells in column order.</summary>
internal sealed class RowData(int number, double height)
{
    public int Number { get; } = number;

    public double Height { get; } = height;

    public List<CellData> Cells { get; } = [];
}

/// <summary>A rectangle of cells, 1-based and inclusive.</summary>
internal readonly record struct CellRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);

/// <summary>A link from a cell to a place in the workbook ("'1-9'!A1").</summary>
internal readonly record struct InternalLink(int Row, int Column, string Location, string Display);

/// <summary>
/// A worksheet as the booklet writes it: rows of styled cells, merged ranges, links, column widths (in Excel's
/// units, as given to the sheet), frozen and repeated header rows and the page setup. <see cref="XlsxPackage"/>
/// writes it as SpreadsheetML.
/// </summary>
internal sealed class SheetModel(string name, IReadOnlyList<double> columnWidths)
{
    public string Name { get; } = name;

    public IReadOnlyList<double> ColumnWidths { get; } = columnWidths;

    public List<RowData> Rows { get; } = [];

    public List<CellRange> Merges { get; } = [];

    public List<InternalLink> Links { get; } = [];

    /// <summary>Rows 1 to this stay on screen while scrolling (0: none).</summary>
    public int FrozenRows { get; set; }

    /// <summary>This row is printed at the top of every page (0: none).</summary>
    public int RepeatedRow { get; set; }

    public PageSetup? Page { get; set; }
}
