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
internal sealed class RowWriter(IXLWorksheet sheet, IReadOnlyList<double> columnWidths)
{
    public IXLWorksheet Sheet { get; } = sheet;

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
            var range = Sheet.Range(first, cell.First, first + rows - 1, cell.Last);
            if (rows > 1 || cell.Last > cell.First)
            {
                range.Merge();
            }

            range.FirstCell().SetText(cell.Text);
            range.Style.Font.FontSize = cell.FontSize;
            cell.Style(range.Style);
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

    private double Pixels(CellSpec cell) => TextHeight.Pixels(columnWidths.Skip(cell.First - 1).Take(cell.Last - cell.First + 1));
}
