namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// The keys of the very hidden metadata sheet. Rows 1… hold "key | value" pairs; after a blank row, a header row
/// (<see cref="PlanColumns"/>) and one row per plan sheet. Everything is stored as text.
/// </summary>
public static class WorkbookMetadata
{
    public const string Format = "format";
    public const string FormatVersion = "formatVersion";
    public const string Edition = "edition";
    public const string Departments = "departmentIds";
    public const string DepartmentNames = "departmentNames";
    public const string UserId = "userId";
    public const string UserName = "userName";
    public const string DownloadedAt = "downloadedAt";
    public const string PlanCount = "planCount";

    public const string Sheet = "sheet";
    public const string PlanId = "planId";
    public const string PlanNumber = "planNumber";
    public const string PlanVersion = "planVersion";
    public const string ReportVersion = "reportVersion";
    public const string ReportStatus = "reportStatus";
    public const string ContentSha256 = "contentSha256";
    public const string InputsSha256 = "inputsSha256";
    public const string Name = "name";
    public const string PlanDepartments = "departments";
    public const string Target = "target";

    public static IReadOnlyList<string> PlanColumns { get; } =
        [Sheet, PlanId, PlanNumber, PlanVersion, ReportVersion, ReportStatus, ContentSha256, InputsSha256, Name, PlanDepartments, Target];
}
