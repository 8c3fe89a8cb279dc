using Honjo.GyoseiKaikaku.Domain.Common;
using System.Globalization;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Plans;
using static Honjo.GyoseiKaikaku.Infrastructure.Workbooks.DepartmentWorkbookLayout;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// Builds the workbook a department fills in offline: a guide sheet, one protected sheet per plan with three
/// unlocked input cells, and a very hidden, protected metadata sheet that lets the upload detect another edition,
/// another department, tampering and staleness.
/// </summary>
public sealed class DepartmentWorkbookWriter(WorkbookProtection protection) : IDepartmentWorkbookWriter
{
    private const string Font = "ＭＳ Ｐゴシック";
    private const double LinePoints = 14.25;
    private const double MaxRowPoints = 409;

    // Column widths in characters of the default font; a full-width character takes about two.
    private const double WidthA = 12;
    private const double WidthB = 26;
    private const double WidthC = 84;

    private static readonly XLColor HeadingFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor LockedFill = XLColor.FromHtml("#F2F2F2");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");
    private static readonly XLColor RefusedFill = XLColor.FromHtml("#FCE4D6");

    public byte[] Write(DepartmentWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var book = new XLWorkbook();
        WriteGuide(book.AddWorksheet(GuideSheet), workbook);
        foreach (var plan in workbook.Plans)
        {
            WritePlan(book.AddWorksheet(plan.SheetName), workbook, plan);
        }

        WriteMetadata(book.AddWorksheet(MetaSheet), workbook);
        protection.Protect(book);
        book.Worksheet(GuideSheet).SetTabActive();

        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    private void WriteGuide(IXLWorksheet sheet, DepartmentWorkbook workbook)
    {
        double[] widths = [10, 56, 14, 22];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        var row = 1;
        Text(sheet.Cell(row, 1), $"{workbook.Year.JapaneseName} 年度末報告 入力用ファイル（{workbook.DepartmentNames}）").Style.Font.SetBold().Font.SetFontSize(14);
        row += 2;
        Text(sheet.Cell(row++, 1), "使い方").Style.Font.SetBold();
        string[] steps =
        [
            "1. 計画ごとにシートがあります（シート名は計画番号です）。黄色のセルだけ入力できます。",
            "2. 「取組状況報告」「年度末評価（A・B・Cから選択）」「次年度に向けた取組方針」を入力してください。セル内の改行は Alt＋Enter です。",
            "3. 入力が終わったら上書き保存し、システムの「担当計画」画面の「Excelでまとめて入力する」でこのファイルを選び、「取り込んで確認する」を押してください。",
            "4. 取り込む前に、計画ごとの変更内容（変更前 → 変更後）の確認画面が表示されます。「保存する」を押すまで何も保存されません。",
            "5. 取り込んだ内容は下書きとして保存されます。提出は、各計画の年度末報告の画面で行ってください。",
            "6. シート名の変更、シートの追加・削除、灰色のセルの変更はしないでください。取り込めなくなります。",
            "7. ダウンロードの後に、同じ計画の報告を他の人が画面で更新した場合や、企画課が計画の内容を変更した場合、その計画は取り込めません。最新のファイルをダウンロードし直してください。",
            "8. 提出済・確認済の報告は、このファイルでは変更できません。",
        ];
        foreach (var step in steps)
        {
            var cell = Text(sheet.Cell(row, 1), step);
            sheet.Range(row, 1, row, 4).Merge();
            cell.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            sheet.Row(row).Height = RowHeight(step, widths.Sum(), 1);
            row++;
        }

        row++;
        Text(sheet.Cell(row++, 1), $"ダウンロード日時：{JapanTime.Stamp(workbook.DownloadedAt)}　ダウンロードした人：{workbook.UserName}");
        Text(sheet.Cell(row++, 1), GradeGuide);
        row++;

        string[] headings = ["番号", "計画名", "状態", "このファイルでの入力"];
        for (var c = 0; c < headings.Length; c++)
        {
            Text(sheet.Cell(row, c + 1), headings[c]).Style.Font.SetBold().Fill.SetBackgroundColor(HeadingFill);
        }

        var first = row;
        foreach (var plan in workbook.Plans)
        {
            row++;
            var link = Text(sheet.Cell(row, 1), plan.SheetName);
            link.Hyperlink = new XLHyperlink($"'{plan.SheetName}'!A1");
            Text(sheet.Cell(row, 2), plan.Content.Name).Style.Alignment.SetWrapText();
            Text(sheet.Cell(row, 3), plan.Status.DisplayName());
            Text(sheet.Cell(row, 4), plan.IsEditable ? "入力できます" : "変更できません");
        }

        if (workbook.Plans.Count == 0)
        {
            row++;
            Text(sheet.Cell(row, 1), "この年度に担当する計画はありません。");
        }

        sheet.Range(first, 1, row, 4).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        sheet.Range(1, 1, row, 4).Style.Font.SetFontName(Font);
        SetUpPage(sheet, $"A1:D{row}");
        protection.Protect(sheet);
    }

    private void WritePlan(IXLWorksheet sheet, DepartmentWorkbook workbook, WorkbookPlan plan)
    {
        var year = workbook.Year;
        sheet.Column(1).Width = WidthA;
        sheet.Column(2).Width = WidthB;
        sheet.Column(3).Width = WidthC;
        var all = sheet.Range($"A1:C{LastRow}");
        all.Style.Font.SetFontName(Font).Font.SetFontSize(11)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText();

        foreach (var locked in LockedCells(year, plan.Number, plan.Status, plan.Content))
        {
            Text(sheet.Cell(locked.Cell), locked.Value);
        }

        sheet.Range("A1:C1").Merge().Style.Font.SetBold().Font.SetFontSize(13);
        sheet.Range("A2:C2").Merge().Style.Font.SetFontColor(plan.IsEditable ? XLColor.FromHtml("#1F4E79") : XLColor.FromHtml("#9C0006"));
        sheet.Range("A3:A6").Merge();
        sheet.Range("A7:A9").Merge();
        sheet.Range($"A{LastRow}:C{LastRow}").Merge();
        sheet.Range("A3:B9").Style.Font.SetBold().Fill.SetBackgroundColor(HeadingFill);
        sheet.Range("C3:C6").Style.Fill.SetBackgroundColor(LockedFill);
        var table = sheet.Range("A3:C9");
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Medium).Border.SetInsideBorder(XLBorderStyleValues.Thin);

        Input(sheet.Cell(StatusReportCell), plan.Inputs.StatusReport, plan.IsEditable);
        Input(sheet.Cell(GradeCell), plan.Inputs.Grade, plan.IsEditable).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Input(sheet.Cell(NextYearPolicyCell), plan.Inputs.NextYearPolicy, plan.IsEditable);

        var grade = sheet.Cell(GradeCell).SetDataValidation();
        grade.List("\"A,B,C\"", true);
        grade.IgnoreBlanks = true;
        grade.ErrorStyle = XLErrorStyle.Stop;
        grade.ErrorTitle = "年度末評価";
        grade.ErrorMessage = "A・B・Cのいずれかを選んでください。";
        grade.InputTitle = "年度末評価";
        grade.InputMessage = "A：目標を達成　B：概ね達成　C：未達成";
        foreach (var (cell, label) in new[] { (StatusReportCell, "取組状況報告"), (NextYearPolicyCell, "次年度に向けた取組方針") })
        {
            var length = sheet.Cell(cell).SetDataValidation();
            length.TextLength.EqualOrLessThan(YearEndReport.MaxTextLength);
            length.ErrorStyle = XLErrorStyle.Stop;
            length.ErrorTitle = label;
            length.ErrorMessage = $"{YearEndReport.MaxTextLength}文字以内で入力してください。";
        }

        // Row heights by hand: ClosedXML's autofit needs libgdiplus and gets merged, wrapped cells wrong.
        sheet.Row(1).Height = 22;
        sheet.Row(2).Height = RowHeight(Notice(plan.Status), WidthA + WidthB + WidthC, 1);
        sheet.Row(3).Height = RowHeight(plan.Number.ToString(), WidthC, 1);
        sheet.Row(4).Height = RowHeight(plan.Content.Name, WidthC, 1);
        sheet.Row(5).Height = RowHeight(plan.Content.Departments, WidthC, 1);
        sheet.Row(6).Height = RowHeight(plan.Content.Target, WidthC, 2);
        sheet.Row(7).Height = RowHeight(plan.Inputs.StatusReport, WidthC, 10);
        sheet.Row(8).Height = 22;
        sheet.Row(9).Height = RowHeight(plan.Inputs.NextYearPolicy, WidthC, 8);
        sheet.Row(LastRow).Height = 18;

        SetUpPage(sheet, $"A1:C{LastRow}");
        protection.Protect(sheet);
        sheet.Cell(plan.IsEditable ? StatusReportCell : "A1").SetActive();
    }

    private void WriteMetadata(IXLWorksheet sheet, DepartmentWorkbook workbook)
    {
        var row = 1;
        void Pair(string key, string value)
        {
            Text(sheet.Cell(row, 1), key);
            Text(sheet.Cell(row, 2), value);
            row++;
        }

        Pair(WorkbookMetadata.Format, FormatName);
        Pair(WorkbookMetadata.FormatVersion, DepartmentWorkbookLayout.FormatVersion.ToString(CultureInfo.InvariantCulture));
        Pair(WorkbookMetadata.Edition, workbook.Year.Code);
        Pair(WorkbookMetadata.Departments, string.Join(";", workbook.Departments.Select(d => d.Id.ToString(CultureInfo.InvariantCulture))));
        Pair(WorkbookMetadata.DepartmentNames, string.Join(";", workbook.Departments.Select(d => d.Name)));
        Pair(WorkbookMetadata.UserId, workbook.UserId);
        Pair(WorkbookMetadata.UserName, workbook.UserName);
        Pair(WorkbookMetadata.DownloadedAt, workbook.DownloadedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Pair(WorkbookMetadata.PlanCount, workbook.Plans.Count.ToString(CultureInfo.InvariantCulture));
        row++;
        for (var c = 0; c < WorkbookMetadata.PlanColumns.Count; c++)
        {
            Text(sheet.Cell(row, c + 1), WorkbookMetadata.PlanColumns[c]);
        }

        foreach (var plan in workbook.Plans)
        {
            row++;
            string[] values =
            [
                plan.SheetName,
                plan.PlanId.ToString(CultureInfo.InvariantCulture),
                plan.Number.ToString(),
                plan.PlanVersion.ToString(CultureInfo.InvariantCulture),
                plan.ReportVersion.ToString(CultureInfo.InvariantCulture),
                plan.Status.ToString(),
                WorkbookFingerprint.Content(plan.Number, plan.Content),
                WorkbookFingerprint.Inputs(plan.Inputs),
                plan.Content.Name,
                plan.Content.Departments,
                plan.Content.Target,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                Text(sheet.Cell(row, c + 1), values[c]);
            }
        }

        sheet.Visibility = XLWorksheetVisibility.VeryHidden;
        protection.Protect(sheet);
    }

    private static IXLCell Text(IXLCell cell, string value)
    {
        // SetValue keeps text as text; assigning Value would turn "1-9" into the 9th of January.
        cell.SetValue(value);
        return cell;
    }

    private static IXLCell Input(IXLCell cell, string value, bool editable)
    {
        Text(cell, value);
        cell.Style.NumberFormat.SetFormat("@");
        cell.Style.Protection.SetLocked(!editable);
        cell.Style.Fill.SetBackgroundColor(editable ? InputFill : RefusedFill);
        return cell;
    }

    private static void SetUpPage(IXLWorksheet sheet, string printArea)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.6).SetBottom(0.6);
        sheet.PageSetup.PrintAreas.Add(printArea);
    }

    /// <summary>Points for <paramref name="text"/> wrapped in a column of <paramref name="width"/> characters.</summary>
    internal static double RowHeight(string text, double width, int minimumLines)
    {
        var lines = 0;
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var units = line.Sum(ch => ch > 0xFF ? 2.0 : 1.0);
            lines += Math.Max(1, (int)Math.Ceiling(units / Math.Max(1, width - 2)));
        }

        return Math.Min(MaxRowPoints, (Math.Max(lines, minimumLines) * LinePoints) + 6);
    }
}
