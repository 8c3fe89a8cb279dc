namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// One cell of a row: columns <see cref="First"/> to <see cref="Last"/> (merged when more than one). A
/// <see cref="Number"/> is stored as a number (the 一覧's 頁); its row's height is computed from <see cref="Text"/>.
/// </summary>
internal sealed record CellSpec(int First, int Last, string Text, CellLook Look, double FontSize = ExcelLook.FontSize, int MinLines = 1, double? Number = null)
{
    public static CellSpec Single(int column, string text, CellLook look, double fontSize = ExcelLook.FontSize) =>
        new(column, column, text, look, fontSize);
}

/// <summary>
/// Writes a sheet row by row: merges each cell's columns, writes its text, styles it and sets the row height the
/// tallest text needs. A text taller than Excel's largest row (409 pt) gets several rows, merged vertically.
/// Every cell of a merged range carries the range's look, as a spreadsheet program writes it.
/// </summary>
internal sealed class RowWriter(SheetModel sheet, StyleTable styles)
{
    public SheetModel Sheet { get; } = sheet;

    /// <summary>Thin lines around every cell written from now on (<see cref="Lines.Grid"/>).</summary>
    public bool Grid { get; set; }

    /// <summary>The next row to write.</summary>
    public int Next { get; private set; } = 1;

    /// <summary>The last row written.</summary>
    public int Last => Next - 1;

    /// <summary>Writes one row (or band of rows) of <paramref name="cells"/>; returns its first row.</summary>
    public int Write(params CellSpec[] cells) => Write(0, cells);

    /// <inheritdoc cref="Write(CellSpec[])"/>
    public int Write(double minHeight, params CellSpec[] cells)
    {
        var height = minHeight;
        var texts = new string[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            texts[i] = ExcelText.Clean(cells[i].Text);
            height = Math.Max(height, TextHeight.Points(cells[i].Text, Pixels(cells[i]), cells[i].FontSize, cells[i].MinLines));
        }

        var rows = (int)Math.Ceiling(height / TextHeight.MaxRowHeight);
        var rowHeight = Math.Ceiling(height / rows / 0.75) * 0.75;
        var first = Next;
        var looks = new int[cells.Length];
        var firstLooks = new int[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var look = cells[i].Look with { FontSize = cells[i].FontSize, Lines = Grid ? Lines.Grid : cells[i].Look.Lines };
            looks[i] = styles.Index(look);

            // Text Excel would take for a formula when the cell is edited gets the quote prefix, as if typed with
            // a leading apostrophe; it is stored as a string either way.
            firstLooks[i] = cells[i].Number is null && ExcelText.LooksLikeFormula(texts[i]) ? styles.Index(look with { QuotePrefix = true }) : looks[i];
            if (rows > 1 || cells[i].Last > cells[i].First)
            {
                Sheet.Merges.Add(new CellRange(first, cells[i].First, first + rows - 1, cells[i].Last));
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var row = new RowData(first + r, rowHeight);
            for (var i = 0; i < cells.Length; i++)
            {
                for (var column = cells[i].First; column <= cells[i].Last; column++)
                {
                    row.Cells.Add(r == 0 && column == cells[i].First
                        ? new CellData(column, firstLooks[i], cells[i].Number is null ? texts[i] : null, cells[i].Number)
                        : new CellData(column, looks[i]));
                }
            }

            Sheet.Rows.Add(row);
        }

        Next = first + rows;
        return first;
    }

    /// <summary>An empty row of <paramref name="height"/> points.</summary>
    public void Space(double height)
    {
        Sheet.Rows.Add(new RowData(Next, height));
        Next++;
    }

    private double Pixels(CellSpec cell) => TextHeight.Pixels(Sheet.ColumnWidths.Skip(cell.First - 1).Take(cell.Last - cell.First + 1));
}
