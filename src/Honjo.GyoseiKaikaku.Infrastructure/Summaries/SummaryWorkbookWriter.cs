using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Summaries;

/// <summary>A cell of a summary table: text or a whole number, never guessed from a string.</summary>
public readonly record struct SummaryCell(string? Text, int? Number)
{
    public static implicit operator SummaryCell(string text) => new(text, null);

    public static implicit operator SummaryCell(int number) => new(null, number);

    public static SummaryCell FromString(string text) => text;

    public static SummaryCell FromInt32(int number) => number;
}

/// <summary>One table of the summary, written to a worksheet of its own.</summary>
public sealed record SummaryTable(string SheetName, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<SummaryCell>> Rows, string? Note = null);

/// <summary>The Excel export of the 評価集計.</summary>
public interface ISummaryWorkbookWriter
{
    byte[] Write(IReadOnlyList<SummaryTable> tables);
}

/// <summary>Writes the 評価集計 tables to a workbook: one sheet per table, a title row, a header row, then the data.</summary>
public sealed class SummaryWorkbookWriter : ISummaryWorkbookWriter
{
    public byte[] Write(IReadOnlyList<SummaryTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(table.SheetName);
            sheet.Cell(1, 1).SetText(table.Title).Style.Font.SetBold(true).Font.SetFontSize(12);
            var headerRow = 3;
            if (table.Note is { Length: > 0 } note)
            {
                sheet.Cell(2, 1).SetText(note);
                headerRow = 4;
            }

            for (var c = 0; c < table.Headers.Count; c++)
            {
                var cell = sheet.Cell(headerRow, c + 1).SetText(table.Headers[c]);
                cell.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#E8EDF3"));
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                var values = table.Rows[r];
                for (var c = 0; c < values.Count; c++)
                {
                    var cell = sheet.Cell(headerRow + 1 + r, c + 1);
                    if (values[c].Number is { } number)
                    {
                        cell.SetValue(number);
                    }
                    else
                    {
                        cell.SetText(values[c].Text);
                    }
                }
            }

            var used = sheet.Range(headerRow, 1, headerRow + table.Rows.Count, Math.Max(1, table.Headers.Count));
            used.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            sheet.SheetView.FreezeRows(headerRow);

            // Printed on A4 (not the US Letter ClosedXML leaves), as wide as the page: a wide table shrinks, never splits.
            sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
            sheet.PageSetup.PageOrientation = table.Headers.Count > 6 ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
            sheet.PageSetup.FitToPages(1, 0);

            // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which the Linux server lacks.
            for (var c = 1; c <= table.Headers.Count; c++)
            {
                var longest = table.Rows.Select(r => c <= r.Count ? r[c - 1].Text?.Length ?? 4 : 4).Append(table.Headers[c - 1].Length).Max();
                sheet.Column(c).Width = Math.Clamp((longest * 2) + 2, 8, 70);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
