using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>One entry of a report's thread as shown.</summary>
public sealed record ThreadEntry(long Id, string AuthorName, bool FromPlanningOffice, DateTimeOffset At, string KindLabel, ReportCommentKind Kind, string Body, FiscalYear Year);

/// <summary>The 企画課's review queue a report was opened from (the start page's filter), to offer the next report.</summary>
public sealed record ReviewInbox(int? Department)
{
    /// <summary>The <c>queue</c> route value that links and redirects carry (with <c>qdept</c> = <see cref="Department"/>).</summary>
    public const string Review = "review";

    public static ReviewInbox? From(string? queue, int? department) => queue == Review ? new ReviewInbox(department is > 0 ? department : null) : null;
}

/// <summary>The next report waiting in the queue.</summary>
public sealed record QueueNext(PlanNumber Number, string Name, string Year);

public sealed record FieldChange(string Field, string Before, string After);

/// <summary>The four inputs of the form as typed (not yet saved); the grade is kept as text.</summary>
public sealed record ReportInput(string StatusReport, string Grade, string NextYearPolicy, string ActualValue)
{
    public EvaluationGrade? ParsedGrade => EvaluationGrades.TryParse(Grade, out var g) ? g : null;

    /// <summary>評価の説明 as typed.</summary>
    public string GradeExplanation { get; init; } = string.Empty;
}

/// <summary>The report as stored in the database: what every refusal shows as the report's state.</summary>
public sealed record StoredReport(
    ReportStatus Status,
    string StatusReport,
    EvaluationGrade? Grade,
    string NextYearPolicy,
    decimal? ActualValue,
    int Version,
    string? ReviewComment,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    bool IsClosed = false)
{
    /// <summary>評価の説明 of a grade that contradicts the numbers (ADR 0028).</summary>
    public string? GradeExplanation { get; init; }

    /// <summary>The 企画課's 二次評価 and its reason; only an accepted report has one.</summary>
    public EvaluationGrade? SecondGrade { get; init; }

    public string? SecondGradeReason { get; init; }

    public static StoredReport None { get; } = new(ReportStatus.NotStarted, string.Empty, null, string.Empty, null, 0, null, null, null, null, null);

    /// <summary>実績値 as the form shows it: "17000", "12.5"; empty when not recorded.</summary>
    public string ActualValueText => ActualValue is { } a ? a.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    public static StoredReport Of(YearEndReport? report) => report is null
        ? None
        : new(report.Status, report.StatusReport, report.Grade, report.NextYearPolicy, report.ActualValue, report.Version,
            report.ReviewComment, report.ReviewedBy, report.ReviewedAt, report.SubmittedBy, report.SubmittedAt, report.IsClosed)
        {
            GradeExplanation = report.GradeExplanation,
            SecondGrade = report.Status == ReportStatus.Accepted ? report.SecondGrade : null,
            SecondGradeReason = report.Status == ReportStatus.Accepted ? report.SecondGradeReason : null,
        };
}

/// <summary>Why the form is shown again with the person's own input.</summary>
public enum RefusalKind
{
    /// <summary>Nothing refused: the page shows the stored report.</summary>
    None,

    /// <summary>The input was invalid or the action is not allowed in the report's state.</summary>
    Invalid,

    /// <summary>The report changed since the person opened it (someone else, or the same person in another tab).</summary>
    Conflict,
}

public sealed record ReportEditorViewModel(
    EditionContext Context,
    int PlanKeyId,
    PlanNumber Number,
    string PlanName,
    string Departments,
    string Target,
    StoredReport Stored,
    bool CanEdit,
    bool CanReview,
    bool CanReopen,
    IReadOnlyList<string> Errors,
    TargetQuantity? Quantity = null,
    TargetAchievement? Achievement = null)
{
    public RefusalKind Refusal { get; init; }

    /// <summary>The person may read the report's thread (its department and the 企画課).</summary>
    public bool ShowsThread { get; init; }

    /// <summary>The person may write in the thread (the year is not closed).</summary>
    public bool CanComment { get; init; }

    public IReadOnlyList<ThreadEntry> Thread { get; init; } = [];

    /// <summary>What was typed in a refused comment.</summary>
    public string? CommentInput { get; init; }

    /// <summary>The 企画課's queue the page was opened from, and the next report in it (after this one).</summary>
    public ReviewInbox? Queue { get; init; }

    public QueueNext? Next { get; init; }

    /// <summary>The 企画課 may correct this closed year's report (訂正, with a reason).</summary>
    public bool CanCorrect { get; init; }

    /// <summary>What was typed in a refused 訂正, offered again in its form.</summary>
    public ReportInput? CorrectionInput { get; init; }

    public string? CorrectionReason { get; init; }

    /// <summary>Why the report cannot be entered yet: the edition is a draft (entry opens at 計画の公表); null once open.</summary>
    public string? EntryNotOpen { get; init; }

    /// <summary>What the person typed when the save was refused; null when the page shows the stored report only.</summary>
    public ReportInput? Input { get; init; }

    /// <summary>The comment typed in a refused review action (return or reopen), to be offered again.</summary>
    public string? ReviewInput { get; init; }

    /// <summary>The 二次評価 and its reason typed in a refused acceptance, to be offered again.</summary>
    public string? SecondGradeInput { get; init; }

    public string? SecondGradeReasonInput { get; init; }

    /// <summary>The plan's grading rule (達成率 thresholds in its text), when it can be read; the form then suggests a grade.</summary>
    public GradingRule? GradingRule { get; init; }

    /// <summary>The grade the plan's rule gives the stored 実績値; null without a rule or a 実績値.</summary>
    public EvaluationGrade? SuggestedGrade => GradingRule is { } rule && Achievement is { } a ? rule.Suggest(a) : null;

    /// <summary>How the stored self-grade contradicts the numbers, for the 企画課's review and the department's page.</summary>
    public GradeContradiction? Contradiction => GradeConsistency.Check(Stored.Grade, Quantity, Stored.ActualValue);

    public string FormGradeExplanation => Input?.GradeExplanation ?? Stored.GradeExplanation ?? string.Empty;

    /// <summary>The fields that changed between what the person saw and what is stored (a conflict).</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; init; }

    /// <summary>Who saved last and when (a conflict).</summary>
    public string? ConflictBy { get; init; }

    /// <summary>The last save was the person's own (another tab or window), not someone else's.</summary>
    public bool ConflictIsOwn { get; init; }

    public FiscalYear Year => Context.Year;

    public ReportStatus Status => Stored.Status;

    /// <summary>The form's values: the person's input after a refusal, else what is stored.</summary>
    public string FormStatusReport => Input?.StatusReport ?? Stored.StatusReport;

    public EvaluationGrade? FormGrade => Input is { } i ? i.ParsedGrade : Stored.Grade;

    public string FormNextYearPolicy => Input?.NextYearPolicy ?? Stored.NextYearPolicy;

    public string FormActualValue => Input?.ActualValue ?? Stored.ActualValueText;

    /// <summary>The input could not go into a form because the report is no longer editable: it is shown apart, to copy.</summary>
    public bool HasUnsavedInputOutsideForm => Input is not null && !CanEdit;

    public string StatusReportHeading => $"{Year.Code}年度末の取組状況報告";

    public string NextYearPolicyHeading => $"{Year.Next.Code}年度に向けた取組方針";

    public string? YearRoute => Context.HasSeveralEditions ? Year.Code : null;
}
