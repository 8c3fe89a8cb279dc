using System.ComponentModel.DataAnnotations;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The year-end form as posted. Base* carry what the person saw when the form was opened.</summary>
public sealed record ReportFormRequest
{
    public string? Year { get; init; }

    public int Version { get; init; }

    [StringLength(YearEndReport.MaxTextLength, ErrorMessage = "取組状況報告は{1}文字以内で入力してください。")]
    public string? StatusReport { get; init; }

    public string? Grade { get; init; }

    [StringLength(YearEndReport.MaxTextLength, ErrorMessage = "次年度に向けた取組方針は{1}文字以内で入力してください。")]
    public string? NextYearPolicy { get; init; }

    /// <summary>実績値 as typed; read by the handler (full-width digits and thousands separators allowed).</summary>
    [StringLength(30, ErrorMessage = "実績値は{1}文字以内で入力してください。")]
    public string? ActualValue { get; init; }

    /// <summary>"save" (下書き保存) or "submit" (提出).</summary>
    public string? Command { get; init; }

    public string? BaseStatusReport { get; init; }

    public string? BaseGrade { get; init; }

    public string? BaseNextYearPolicy { get; init; }
}

/// <summary>A review action's form: accept, return with a comment, reopen with a reason.</summary>
public sealed record ReviewRequest
{
    public string? Year { get; init; }

    public int Version { get; init; }

    [StringLength(YearEndReport.MaxCommentLength, ErrorMessage = "コメントは{1}文字以内で入力してください。")]
    public string? Comment { get; init; }
}

public sealed record FieldChange(string Field, string Before, string After);

public sealed record ReportEditorViewModel(
    EditionContext Context,
    PlanNumber Number,
    string PlanName,
    string Departments,
    string Target,
    ReportStatus Status,
    string StatusReport,
    EvaluationGrade? Grade,
    string NextYearPolicy,
    int Version,
    string? ReviewComment,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    bool CanEdit,
    bool CanSubmit,
    bool CanReview,
    bool CanReopen,
    IReadOnlyList<string> Errors,
    IReadOnlyList<FieldChange>? Conflict = null,
    string? ConflictBy = null,
    TargetQuantity? Quantity = null,
    string ActualValueInput = "",
    TargetAchievement? Achievement = null)
{
    public FiscalYear Year => Context.Year;

    public string StatusReportHeading => $"{Year.Code}年度末の取組状況報告";

    public string NextYearPolicyHeading => $"{Year.Next.Code}年度に向けた取組方針";

    public string YearParam => Context.HasSeveralEditions ? $"?year={Year.Code}" : string.Empty;
}

public enum ReportOutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

public sealed record ReportOutcome(ReportOutcomeKind Kind, ReportEditorViewModel? Model = null, string? Message = null)
{
    public static ReportOutcome NotFound { get; } = new(ReportOutcomeKind.NotFound);

    public static ReportOutcome Forbidden { get; } = new(ReportOutcomeKind.Forbidden);
}
