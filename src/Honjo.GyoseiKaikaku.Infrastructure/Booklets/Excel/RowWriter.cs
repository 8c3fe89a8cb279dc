using ClosedXML.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>One cell of a row: columns <see cref="First"/> to <see cref="Last"/> (merged when more than one).</summary>
internal sealed record CellSpec(int First, int Last, string Text, Action<IXLStyle> Style, double FontSize = ExcelLook.FontSize, int MinLines = 1)
{
    public static CellSpec Single(int column, string text, Action<IXLStyle> style, double fontSize = ExcelLook.FontSize) =>
        new(column, column, text, style, fontSize);
}

/// <summary>
/// Writes a sheet row by row: merges each cell's columns, writes its text, styles it and sets the row height the
/// tallest text needs. A text taller than Excel's largest row (409 pt) gets several rows, merged vertically.
/// </summary>
/// <remarks>
/// Each cell's whole style (font, the look, and the grid lines while <see cref="Grid"/> is on) is composed on a
/// detached style and given to the range in one assignment. Setting the properties one by one on
/// <c>range.Style</c> makes ClosedXML 0.95.4 walk and regroup every cell of the range for each property, which was
/// most of the time of a 1,000-sheet booklet (ADR 0022); the resulting cell styles are the same.
/// </remarks>
internal sealed class RowWriter(IXLWorksheet sheet, IReadOnlyList<double> columnWidths)
{
    private readonly IXLFont _baseFont = sheet.Workbook.Style.Font;

    public IXLWorksheet Sheet { get; } = sheet;

    /// <summary>Thin lines around every cell written from now on (<see cref="ExcelLook.GridLines"/>).</summary>
    public bool Grid { get; set; }

    /// <summary>The next row to write.</summary>
    public int Next { get; private set; } = 1;

    /// <summary>The last row written.</summary>
    public int Last => Next - 1;

    public int ColumnCount => columnWidths.Count;

    public void SetColumnWidths()
    {
        for (var i = 0; i < columnWidths.Count; i++)
        {
            Sheet.Column(i + 1).Width = columnWidths[i];
        }
    }

    /// <summary>Writes one row (or band of rows) of <paramref name="cells"/>; returns its first row.</summary>
    public int Write(params CellSpec[] cells) => Write(0, cells);

    /// <inheritdoc cref="Write(CellSpec[])"/>
    public int Write(double minHeight, params CellSpec[] cells)
    {
        var height = minHeight;
        foreach (var cell in cells)
        {
            height = Math.Max(height, TextHeight.Points(cell.Text, Pixels(cell), cell.FontSize, cell.MinLines));
        }

        var rows = (int)Math.Ceiling(height / TextHeight.MaxRowHeight);
        var rowHeight = Math.Ceiling(height / rows / 0.75) * 0.75;
        var first = Next;
        for (var i = 0; i < rows; i++)
        {
            Sheet.Row(first + i).Height = rowHeight;
        }

        foreach (var cell in cells)
        {
            var style = StyleOf(cell);
            if (rows == 1 && cell.Last == cell.First)
            {
                var single = Sheet.Cell(first, cell.First);
                single.Style = style;
                single.SetText(cell.Text);
                continue;
            }

            // The range's cells are new: there is nothing to clear or carry over, so skip the intersection check.
            var range = Sheet.Range(first, cell.First, first + rows - 1, cell.Last).Merge(checkIntersect: false);
            range.Style = style;
            range.FirstCell().SetText(cell.Text);
        }

        Next = first + rows;
        return first;
    }

    /// <summary>An empty row of <paramref name="height"/> points.</summary>
    public void Space(double height)
    {
        Sheet.Row(Next).Height = height;
        Next++;
    }

    private IXLStyle StyleOf(CellSpec cell)
    {
        var style = XLWorkbook.DefaultStyle;
        style.Font = _baseFont;
        style.Font.FontSize = cell.FontSize;
        cell.Style(style);
        if (Grid)
        {
            ExcelLook.GridLines(style);
        }

        return style;
    }

    private double Pixels(CellSpec cell) => TextHeight.Pixels(columnWidths.Skip(cell.First - 1).Take(cell.Last - cell.First + 1));
}
