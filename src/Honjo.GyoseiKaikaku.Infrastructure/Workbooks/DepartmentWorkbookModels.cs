using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>Writes a department's year-end workbook: one protected sheet per plan, three input cells each.</summary>
public interface IDepartmentWorkbookWriter
{
    byte[] Write(DepartmentWorkbook workbook);
}

/// <summary>
/// Reads an uploaded department workbook back. Call only after <see cref="UploadGuard"/> has accepted the bytes:
/// the reader trusts that the package is a reasonably sized zip.
/// </summary>
public interface IDepartmentWorkbookReader
{
    WorkbookReadResult Read(byte[] content);
}

/// <summary>A department's workbook as it is downloaded: which edition, whose plans, who and when, and the plans.</summary>
public sealed record DepartmentWorkbook(
    FiscalYear Year,
    IReadOnlyList<WorkbookDepartment> Departments,
    string UserId,
    string UserName,
    DateTimeOffset DownloadedAt,
    IReadOnlyList<WorkbookPlan> Plans)
{
    public string DepartmentNames => string.Join("、", Departments.Select(d => d.Name));
}

public sealed record WorkbookDepartment(int Id, string Name);

/// <summary>One plan's sheet: the read-only content shown, and the report's inputs and state as they stood.</summary>
public sealed record WorkbookPlan(
    int PlanId,
    PlanNumber Number,
    int PlanVersion,
    WorkbookPlanContent Content,
    int ReportVersion,
    ReportStatus Status,
    WorkbookInputs Inputs)
{
    public string SheetName => Number.ToString();

    /// <summary>The department may change the report now (未着手, 下書き, 差戻し); otherwise its input cells stay locked.</summary>
    public bool IsEditable => Status is ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned;
}

/// <summary>The plan content a sheet shows read-only. Its fingerprint detects both tampering and a plan changed since download.</summary>
public sealed record WorkbookPlanContent(string Name, string Departments, string Target);

/// <summary>The three inputs of a year-end report as text: 取組状況報告, 年度末評価 ("A", "B", "C" or empty), 次年度に向けた取組方針.</summary>
public sealed record WorkbookInputs(string StatusReport, string Grade, string NextYearPolicy)
{
    public static WorkbookInputs Empty { get; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>As the report would store them: line breaks as \n, surrounding blanks trimmed, grades upper-case half-width.</summary>
    public WorkbookInputs Normalized() => new(
        WorkbookText.Normalize(StatusReport),
        EvaluationGrades.TryParse(Grade, out var g) ? g.ToString() : WorkbookText.Normalize(Grade),
        WorkbookText.Normalize(NextYearPolicy));
}

/// <summary>A problem found in an uploaded workbook, located by sheet and cell where it has a place.</summary>
public sealed record WorkbookProblem(string? Sheet, string? Cell, string Message)
{
    public static WorkbookProblem File(string message) => new(null, null, message);

    /// <summary>「シート「1-9」のセルC8：…」, 「シート「1-9」：…」 or the bare message.</summary>
    public override string ToString() => (Sheet, Cell) switch
    {
        (null, _) => Message,
        (_, null) => $"シート「{Sheet}」：{Message}",
        _ => $"シート「{Sheet}」のセル{Cell}：{Message}",
    };
}

/// <summary>What the reader found: the workbook (null when it cannot be used at all) and the problems.</summary>
public sealed record WorkbookReadResult(UploadedWorkbook? Workbook, IReadOnlyList<WorkbookProblem> Problems)
{
    public static WorkbookReadResult Refused(string message) => new(null, [WorkbookProblem.File(message)]);
}

/// <summary>An uploaded workbook: its metadata as recorded at download, and each plan sheet's inputs as found.</summary>
public sealed record UploadedWorkbook(
    int FormatVersion,
    FiscalYear Year,
    IReadOnlyList<WorkbookDepartment> Departments,
    string UserId,
    string UserName,
    DateTimeOffset DownloadedAt,
    IReadOnlyList<UploadedSheet> Sheets);

/// <summary>One plan sheet of an upload: what was recorded at download, and the three inputs found now.</summary>
public sealed record UploadedSheet(
    string SheetName,
    int PlanId,
    PlanNumber Number,
    int PlanVersion,
    int ReportVersion,
    ReportStatus StatusAtDownload,
    string ContentFingerprint,
    string InputsFingerprint,
    WorkbookPlanContent ContentAtDownload,
    WorkbookInputs Inputs)
{
    /// <summary>The inputs differ from what the sheet held at download: the department typed something here.</summary>
    public bool IsTouched => WorkbookFingerprint.Inputs(Inputs) != InputsFingerprint;
}

public static class WorkbookText
{
    /// <summary>Line breaks as \n and surrounding blanks trimmed, as the year-end report stores its texts.</summary>
    public static string Normalize(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
