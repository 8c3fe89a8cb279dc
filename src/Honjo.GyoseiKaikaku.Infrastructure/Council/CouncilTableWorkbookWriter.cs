using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Infrastructure.Council;

/// <summary>
/// The opinion/response table as a workbook: one sheet, title, a header row repeated on every printed page, A4
/// landscape, one page wide. Row heights are computed (ClosedXML's autofit needs libgdiplus; ENVIRONMENT.md).
/// </summary>
public static class CouncilTableWorkbookWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetName = "意見・対応方針";

    private static readonly (string Header, double Width)[] Columns =
    [
        ("番号", 6), ("計画番号", 9), ("計画名", 24), ("実行課", 16), ("委員の意見", 48), ("対応方針", 48), ("回答した課", 14),
    ];

    public static byte[] Write(CouncilTableDocument table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Style.Font.FontName = "Noto Sans JP";
        sheet.Style.Font.FontSize = 10;
        sheet.Cell(1, 1).SetText(table.Title).Style.Font.SetBold(true).Font.SetFontSize(14);
        sheet.Cell(2, 1).SetText($"{table.OutlineTitle}　{table.RevisionLabel}　公表日：{JapanTime.Date(table.PublishedAt)}");
        const int headerRow = 4;
        for (var c = 0; c < Columns.Length; c++)
        {
            var cell = sheet.Cell(headerRow, c + 1).SetText(Columns[c].Header);
            cell.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#E8EDF3"))
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            sheet.Column(c + 1).Width = Columns[c].Width;
        }

        var row = headerRow;
        foreach (var r in table.Rows)
        {
            row++;
            string[] values = [r.No.ToString(System.Globalization.CultureInfo.InvariantCulture), r.PlanId ?? "全体", r.PlanName, r.ExecutingDepartments, r.Opinion, r.Response, r.RespondingDepartments];
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(row, c + 1).SetText(values[c]);
                cell.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            }

            sheet.Row(row).Height = Math.Min(409, values.Select((v, c) => Lines(v, Columns[c].Width)).Max() * 15 + 4);
        }

        if (table.Rows.Count == 0)
        {
            sheet.Cell(headerRow + 1, 1).SetText("公表された意見はありません。");
            row = headerRow + 1;
        }

        var range = sheet.Range(headerRow, 1, row, Columns.Length);
        range.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        sheet.SheetView.FreezeRows(headerRow);

        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.5).SetBottom(0.5);
        page.PrintAreas.Add(1, 1, row, Columns.Length);
        page.SetRowsToRepeatAtTop(headerRow, headerRow);
        page.Footer.Center.AddText("&P / &N");

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Lines a wrapped text needs in a column of <paramref name="width"/> characters (a Japanese character is two).</summary>
    private static int Lines(string text, double width)
    {
        var perLine = Math.Max(1, (int)(width - 1));
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(ch => ch < 0x80 ? 1 : 2) / (double)perLine)));
    }
}
