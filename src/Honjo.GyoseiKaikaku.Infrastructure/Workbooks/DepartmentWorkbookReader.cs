using System.Globalization;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using static Honjo.GyoseiKaikaku.Infrastructure.Workbooks.DepartmentWorkbookLayout;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// Reads an uploaded department workbook: the metadata recorded at download, each plan sheet's three inputs, and
/// every problem it can see without the database (missing sheets, changed locked cells, formulas, grades outside
/// A/B/C, texts too long). Comparing with the plans as they are now is the caller's part.
/// </summary>
public sealed class DepartmentWorkbookReader : IDepartmentWorkbookReader
{
    public const string UnreadableMessage =
        "Excelファイルとして読み込めませんでした。ファイルが壊れている可能性があります。Excelで開けることを確かめ、「Excelブック（.xlsx）」形式で保存し直してから取り込んでください。";

    public const string MissingMetadataMessage =
        "取り込み用の管理情報（非表示のシート）が見つかりません。このシステムの「Excelをダウンロード」で取得したファイルに入力して取り込んでください。";

    public WorkbookReadResult Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var book = new XLWorkbook(new MemoryStream(content, writable: false));
            return Read(book);
        }
#pragma warning disable CA1031 // Whatever ClosedXML or the packaging layer throws on a bad file becomes one clear message, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return WorkbookReadResult.Refused(UnreadableMessage);
        }
    }

    private static WorkbookReadResult Read(XLWorkbook book)
    {
        if (!book.TryGetWorksheet(MetaSheet, out var meta))
        {
            return WorkbookReadResult.Refused(MissingMetadataMessage);
        }

        var parsed = ReadMetadata(meta);
        if (parsed.Problem is { } refused)
        {
            return WorkbookReadResult.Refused(refused);
        }

        var (header, plans) = parsed.Value!.Value;
        var problems = new List<WorkbookProblem>();
        var sheets = new List<UploadedSheet>();
        foreach (var plan in plans)
        {
            if (!book.TryGetWorksheet(plan.SheetName, out var sheet))
            {
                problems.Add(new WorkbookProblem(plan.SheetName, null, "シートが見つかりません。シートの名前を変えたり、シートを削除したりしないでください。"));
                continue;
            }

            sheets.Add(ReadSheet(sheet, header.Year, plan, problems));
        }

        return new WorkbookReadResult(header with { Sheets = sheets }, problems);
    }

    private static UploadedSheet ReadSheet(IXLWorksheet sheet, FiscalYear year, UploadedSheet recorded, List<WorkbookProblem> problems)
    {
        foreach (var locked in LockedCells(year, recorded.Number, recorded.StatusAtDownload, recorded.ContentAtDownload))
        {
            var cell = sheet.Cell(locked.Cell);
            var actual = cell.HasFormula ? "=" + cell.FormulaA1 : ReadText(cell);
            if (WorkbookText.Normalize(actual) != WorkbookText.Normalize(locked.Value))
            {
                problems.Add(new WorkbookProblem(sheet.Name, locked.Cell, $"{locked.Label}は変更できないセルです。ダウンロードしたときの内容に戻してください。"));
            }
        }

        string Input(string address, string label)
        {
            var cell = sheet.Cell(address);
            if (cell.HasFormula)
            {
                problems.Add(new WorkbookProblem(sheet.Name, address, $"{label}に数式は使えません。文字で入力してください。"));
                return string.Empty;
            }

            var text = WorkbookText.Normalize(ReadText(cell));
            if (text.Length > YearEndReport.MaxTextLength)
            {
                problems.Add(new WorkbookProblem(sheet.Name, address,
                    $"{label}は{YearEndReport.MaxTextLength}文字以内で入力してください（現在{text.Length.ToString(CultureInfo.InvariantCulture)}文字）。"));
            }

            return text;
        }

        var statusReport = Input(StatusReportCell, "取組状況報告");
        var grade = Input(GradeCell, "年度末評価");
        var nextYearPolicy = Input(NextYearPolicyCell, "次年度に向けた取組方針");
        if (grade.Length > 0 && !EvaluationGrades.TryParse(grade, out _))
        {
            problems.Add(new WorkbookProblem(sheet.Name, GradeCell, "年度末評価はA・B・Cのいずれかにしてください。"));
        }

        return recorded with { Inputs = new WorkbookInputs(statusReport, grade, nextYearPolicy) };
    }

    private static string ReadText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return string.Empty;
        }

        return cell.DataType == XLDataType.Text ? cell.GetString() : cell.GetFormattedString();
    }

    private static (string? Problem, (UploadedWorkbook Header, List<UploadedSheet> Plans)? Value) ReadMetadata(IXLWorksheet meta)
    {
        const string Broken = "取り込み用の管理情報（非表示のシート）が壊れています。このシステムからダウンロードし直したファイルに入力してください。";
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = 1;
        for (; row <= 50 && !meta.Cell(row, 1).IsEmpty(); row++)
        {
            pairs[ReadText(meta.Cell(row, 1))] = ReadText(meta.Cell(row, 2));
        }

        string Value(string key) => pairs.TryGetValue(key, out var v) ? v : string.Empty;
        if (Value(WorkbookMetadata.Format) != FormatName)
        {
            return (MissingMetadataMessage, null);
        }

        if (!int.TryParse(Value(WorkbookMetadata.FormatVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != FormatVersion)
        {
            return ("このファイルは、現在のシステムとは違う形式（古い版など）で作られています。「Excelをダウンロード」で新しいファイルを取得し、入力し直してください。", null);
        }

        var ids = Value(WorkbookMetadata.Departments).Split(';', StringSplitOptions.RemoveEmptyEntries);
        var names = Value(WorkbookMetadata.DepartmentNames).Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!FiscalYear.TryParse(Value(WorkbookMetadata.Edition), out var year)
            || ids.Length == 0 || ids.Length != names.Length
            || !ids.All(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || !DateTimeOffset.TryParse(Value(WorkbookMetadata.DownloadedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var downloadedAt)
            || !int.TryParse(Value(WorkbookMetadata.PlanCount), NumberStyles.None, CultureInfo.InvariantCulture, out var planCount))
        {
            return (Broken, null);
        }

        var departments = ids.Select((id, i) => new WorkbookDepartment(int.Parse(id, CultureInfo.InvariantCulture), names[i])).ToList();
        var header = new UploadedWorkbook(version, year, departments, Value(WorkbookMetadata.UserId), Value(WorkbookMetadata.UserName), downloadedAt, []);

        // The plan table follows a blank row.
        row++;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 1; c <= WorkbookMetadata.PlanColumns.Count; c++)
        {
            columns[ReadText(meta.Cell(row, c))] = c;
        }

        if (!WorkbookMetadata.PlanColumns.All(columns.ContainsKey))
        {
            return (Broken, null);
        }

        var plans = new List<UploadedSheet>();
        for (var i = 0; i < planCount; i++)
        {
            var r = row + 1 + i;
            string Cell(string key) => ReadText(meta.Cell(r, columns[key]));
            if (!int.TryParse(Cell(WorkbookMetadata.PlanId), NumberStyles.None, CultureInfo.InvariantCulture, out var planId)
                || !PlanNumber.TryParse(Cell(WorkbookMetadata.PlanNumber), out var number)
                || !int.TryParse(Cell(WorkbookMetadata.PlanVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var planVersion)
                || !int.TryParse(Cell(WorkbookMetadata.ReportVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var reportVersion)
                || !Enum.TryParse<ReportStatus>(Cell(WorkbookMetadata.ReportStatus), ignoreCase: false, out var status)
                || !Enum.IsDefined(status)
                || Cell(WorkbookMetadata.Sheet) != number.ToString())
            {
                return (Broken, null);
            }

            // The recorded content must match its own fingerprint, or the sheet could be checked against edited values.
            var shown = new WorkbookPlanContent(Cell(WorkbookMetadata.Name), Cell(WorkbookMetadata.PlanDepartments), Cell(WorkbookMetadata.Target));
            var fingerprint = Cell(WorkbookMetadata.ContentSha256);
            if (WorkbookFingerprint.Content(number, shown) != fingerprint)
            {
                return (Broken, null);
            }

            plans.Add(new UploadedSheet(
                number.ToString(), planId, number, planVersion, reportVersion, status,
                fingerprint, Cell(WorkbookMetadata.InputsSha256), shown, WorkbookInputs.Empty));
        }

        if (plans.Select(p => p.PlanId).Distinct().Count() != plans.Count)
        {
            return (Broken, null);
        }

        return (null, (header, plans));
    }
}
