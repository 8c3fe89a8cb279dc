using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>A table cell laid out before its row: its text (from the content box's top-left corner) and its height.</summary>
internal sealed class TableCell(int column, int span = 1)
{
    public int Column { get; } = column;

    public int Span { get; } = span;

    public PdfColor? Background { get; init; }

    /// <summary>The least content height (CSS height on a cell: the 12 mm of a report row).</summary>
    public double MinHeight { get; init; }

    public DrawingList Content { get; } = new();

    public double Height { get; set; }
}

/// <summary>
/// A table with border-collapse: collapse and table-layout: fixed, as the browser draws it: the rules centred on the
/// grid lines (half of the outer rule inside the table's box), every row as tall as its tallest cell plus padding and
/// one rule, the text at the top of each cell (vertical-align: top).
/// </summary>
internal sealed class GridTable
{
    private readonly double[] _grid;
    private readonly double _padX;
    private readonly double _padY;
    private readonly double _rule;
    private readonly PdfColor _ruleColor;

    /// <summary>A table <paramref name="width"/> wide (its box, outer rules included) of <paramref name="columns"/>
    /// (their widths; a NaN column takes what the others leave), cells padded by <paramref name="padX"/> and
    /// <paramref name="padY"/>, rules <paramref name="rule"/> wide in <paramref name="ruleColor"/>.</summary>
    public GridTable(double width, IReadOnlyList<double> columns, double padX, double padY, double rule, PdfColor ruleColor)
    {
        _padX = padX;
        _padY = padY;
        _rule = rule;
        _ruleColor = ruleColor;
        var inner = width - rule;
        var fixedWidth = columns.Where(c => !double.IsNaN(c)).Sum();
        var flexible = columns.Count(double.IsNaN);
        _grid = new double[columns.Count + 1];
        _grid[0] = rule / 2;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = double.IsNaN(columns[i]) ? (inner - fixedWidth) / flexible : columns[i];
            _grid[i + 1] = _grid[i] + column;
        }
    }

    /// <summary>The top of the first row's grid line in a table whose box starts at <paramref name="top"/>.</summary>
    public double FirstGridLine(double top) => top + (_rule / 2);

    /// <summary>The bottom of the table's box whose last grid line is at <paramref name="gridLine"/>.</summary>
    public double Bottom(double gridLine) => gridLine + (_rule / 2);

    public double ContentWidth(int column, int span = 1) => _grid[column + span] - _grid[column] - _rule - (2 * _padX);

    /// <summary>
    /// Draws a row whose top grid line is at <paramref name="gridTop"/> (with its rule when <paramref name="topRule"/>),
    /// backgrounds first, then the rules, then each cell's text; returns the row's bottom grid line.
    /// </summary>
    public double Row(DrawingList drawing, double gridTop, IReadOnlyList<TableCell> cells, bool topRule)
    {
        var content = 0.0;
        foreach (var cell in cells)
        {
            content = Math.Max(content, Math.Max(cell.Height, cell.MinHeight));
        }

        var bottom = gridTop + content + (2 * _padY) + _rule;
        foreach (var cell in cells)
        {
            if (cell.Background is { } background)
            {
                drawing.Fill(_grid[cell.Column], gridTop, _grid[cell.Column + cell.Span] - _grid[cell.Column], bottom - gridTop, background);
            }
        }

        var left = _grid[0] - (_rule / 2);
        var right = _grid[^1] + (_rule / 2);
        if (topRule)
        {
            drawing.Line(left, gridTop, right, gridTop, _rule, _ruleColor);
        }

        foreach (var cell in cells)
        {
            drawing.Line(_grid[cell.Column], gridTop, _grid[cell.Column], bottom, _rule, _ruleColor);
        }

        drawing.Line(_grid[^1], gridTop, _grid[^1], bottom, _rule, _ruleColor);
        drawing.Line(left, bottom, right, bottom, _rule, _ruleColor);

        foreach (var cell in cells)
        {
            drawing.Append(cell.Content, _grid[cell.Column] + (_rule / 2) + _padX, gridTop + (_rule / 2) + _padY);
        }

        return bottom;
    }
}
