using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// The year-end record of one plan for one fiscal year: 取組状況報告, 年度末評価 and 次年度に向けた取組方針, with the
/// workflow that moves it from the department (下書き → 提出済) to the 企画課 (確認済 or 差戻し). Every state change is
/// decided here; callers never assign <see cref="Status"/>.
/// </summary>
public sealed class YearEndReport
{
    public const int MaxTextLength = 4000;
    public const int MaxCommentLength = 1000;

    /// <summary>The largest 実績値 accepted; the column holds 18 digits with 4 decimals.</summary>
    public const decimal MaxActualValue = 99_999_999_999_999m;

    private YearEndReport()
    {
        StatusReport = string.Empty;
        NextYearPolicy = string.Empty;
    }

    internal YearEndReport(FiscalYear year)
        : this()
    {
        Year = year;
    }

    public int Id { get; private set; }

    /// <summary>The plan's identity (<see cref="PlanKey"/>): a report carries across editions.</summary>
    public int PlanKeyId { get; private set; }

    public FiscalYear Year { get; private set; }

    /// <summary>取組状況報告.</summary>
    public string StatusReport { get; private set; }

    /// <summary>年度末評価; null until graded.</summary>
    public EvaluationGrade? Grade { get; private set; }

    /// <summary>次年度に向けた取組方針.</summary>
    public string NextYearPolicy { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>The 企画課's comment when returning, or its reason when reopening an accepted report.</summary>
    public string? ReviewComment { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    /// <summary>実績の確定: the year is closed and the report is final; only a 訂正 by the 企画課 changes it.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Incremented on every change; a save based on an older version is a conflict.</summary>
    public int Version { get; private set; }

    public bool IsComplete => StatusReport.Length > 0 && Grade is not null && NextYearPolicy.Length > 0;

    /// <summary>The department (or the 企画課) may change the texts now.</summary>
    public bool IsEditable => Status.IsEditable();

    public bool CanBeEditedBy(ReportActor actor) => ReportRules.MayEdit(actor, Status, IsClosed);

    public bool CanBeSubmittedBy(ReportActor actor) => ReportRules.MaySubmit(actor, Status, IsClosed) && IsComplete;

    public bool CanBeReviewedBy(ReportActor actor) => ReportRules.MayReview(actor, Status, IsClosed);

    public bool CanBeReopenedBy(ReportActor actor) => ReportRules.MayReopen(actor, Status, IsClosed);

    /// <summary>Locks the accepted report when its year's results are closed (実績の確定).</summary>
    public void CloseYear()
    {
        if (Status != ReportStatus.Accepted)
        {
            throw new DomainException($"{Year.JapaneseName}の報告が確認済ではないため、実績を確定できません。");
        }

        IsClosed = true;
    }

    /// <summary>実績値: the actual value for a numeric target, in the target's unit; null when not recorded.</summary>
    public decimal? ActualValue { get; private set; }

    /// <summary>
    /// 評価の説明: the department's reason for a self-grade that contradicts the numbers (A short of the target, C with it
    /// met); required then, and cleared when the grade and the numbers agree (ADR 0028).
    /// </summary>
    public string? GradeExplanation { get; private set; }

    /// <summary>二次評価: the 企画課's own grade, recorded on acceptance beside <see cref="Grade"/>, never over it (ADR 0028).</summary>
    public EvaluationGrade? SecondGrade { get; private set; }

    /// <summary>The 企画課's reason for its 二次評価 (required when it differs from the self-grade).</summary>
    public string? SecondGradeReason { get; private set; }

    /// <summary>The 二次評価 differs from the department's self-grade.</summary>
    public bool GradesDiffer => SecondGrade is not null && SecondGrade != Grade;

    /// <summary>
    /// Saves the three fields and the actual value (実績値) as a draft. Blank fields are allowed until submission.
    /// </summary>
    /// <remarks>
    /// A grade is saved only with what it requires (ADR 0028), on every path (form, Excel import): a C needs a 改善策 in
    /// 取組方針, and a grade that contradicts <paramref name="target"/> and the 実績値 needs <paramref name="gradeExplanation"/>.
    /// </remarks>
    public void SaveDraft(
        ReportActor actor, string? statusReport, EvaluationGrade? grade, string? nextYearPolicy, decimal? actualValue,
        TargetQuantity? target = null, string? gradeExplanation = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireEditor(actor);
        EnsureOpen();
        if (!IsEditable)
        {
            throw new DomainException(Status == ReportStatus.Accepted
                ? "この報告は確認済のため編集できません。変更が必要な場合は企画課に再開を依頼してください。"
                : "この報告は提出済のため、企画課の確認が終わるまで編集できません。");
        }

        StatusReport = Guard.Optional(statusReport?.Replace("\r\n", "\n", StringComparison.Ordinal), "取組状況報告", MaxTextLength);
        Grade = grade;
        NextYearPolicy = Guard.Optional(nextYearPolicy?.Replace("\r\n", "\n", StringComparison.Ordinal), "次年度に向けた取組方針", MaxTextLength);
        if (actualValue is < 0 or > MaxActualValue)
        {
            throw new DomainException("実績値は0以上の数値で入力してください。");
        }

        ActualValue = actualValue;
        GradeExplanation = CheckGrade(Grade, NextYearPolicy, target, actualValue, gradeExplanation);
        if (Status == ReportStatus.NotStarted)
        {
            Status = ReportStatus.Draft;
        }

        Version++;
    }

    public void Submit(ReportActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireEditor(actor);
        EnsureOpen();
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new DomainException($"「{Status.DisplayName()}」の報告は提出できません。");
        }

        var missing = new List<string>();
        if (StatusReport.Length == 0)
        {
            missing.Add("取組状況報告");
        }

        if (Grade is null)
        {
            missing.Add("年度末評価");
        }

        if (NextYearPolicy.Length == 0)
        {
            missing.Add("次年度に向けた取組方針");
        }

        if (missing.Count > 0)
        {
            throw new DomainException($"提出するには{string.Join("・", missing)}を入力してください。");
        }

        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = actor.DisplayName;
        Version++;
    }

    /// <summary>
    /// 確認済, optionally with the 企画課's 二次評価 beside the self-grade (a reason is required when they differ). The
    /// second grade changes only through 再開 and a new acceptance (ADR 0028).
    /// </summary>
    public void Accept(ReportActor actor, DateTimeOffset now, EvaluationGrade? secondGrade = null, string? secondGradeReason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequirePlanningOffice(actor, "確認");
        EnsureOpen();
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainException($"確認できるのは提出済の報告だけです（現在：{Status.DisplayName()}）。");
        }

        var reason = Guard.Optional(secondGradeReason?.Replace("\r\n", "\n", StringComparison.Ordinal), "二次評価の理由", MaxCommentLength);
        if (secondGrade is null && reason.Length > 0)
        {
            throw new DomainException("二次評価の理由を書く場合は、二次評価（A・B・C）も選んでください。");
        }

        if (secondGrade is not null && secondGrade != Grade && reason.Length == 0)
        {
            throw new DomainException($"二次評価（{secondGrade}）が部署の評価（{Grade}）と異なるため、二次評価の理由を入力してください。");
        }

        SecondGrade = secondGrade;
        SecondGradeReason = reason.Length == 0 ? null : reason;
        Status = ReportStatus.Accepted;
        ReviewComment = null;
        ReviewedAt = now;
        ReviewedBy = actor.DisplayName;
        Version++;
    }

    public void Return(ReportActor actor, string? comment, DateTimeOffset now) =>
        SendBack(actor, ReportStatus.Submitted, "差戻し", "差し戻せるのは提出済の報告だけです", "差戻しの理由", comment, now);

    /// <summary>Reopens an accepted report for the department, with a reason it will see.</summary>
    public void Reopen(ReportActor actor, string? reason, DateTimeOffset now) =>
        SendBack(actor, ReportStatus.Accepted, "再開", "再開できるのは確認済の報告だけです", "再開の理由", reason, now);

    /// <summary>
    /// 訂正 of a closed year's accepted report by the 企画課, with a reason: the three fields and 実績値 change, the report
    /// stays accepted and closed. Refused before 実績の確定 (reopen it instead), without a reason, when incomplete, or when
    /// nothing changes. The caller records the 訂正 with the edition, which publishes the results again.
    /// </summary>
    public void Correct(
        ReportActor actor, string? statusReport, EvaluationGrade? grade, string? nextYearPolicy, decimal? actualValue, string? reason,
        TargetQuantity? target = null, string? gradeExplanation = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequirePlanningOffice(actor, "訂正");
        if (!IsClosed)
        {
            throw new DomainException($"{Year.JapaneseName}の実績はまだ確定していないため、訂正は不要です。報告の再開・差戻しで変更してください。");
        }

        Guard.Required(reason, "訂正の理由", Editions.Correction.MaxReasonLength);
        var text = Guard.Optional(statusReport?.Replace("\r\n", "\n", StringComparison.Ordinal), "取組状況報告", MaxTextLength);
        var policy = Guard.Optional(nextYearPolicy?.Replace("\r\n", "\n", StringComparison.Ordinal), "次年度に向けた取組方針", MaxTextLength);
        if (actualValue is < 0 or > MaxActualValue)
        {
            throw new DomainException("実績値は0以上の数値で入力してください。");
        }

        if (text.Length == 0 || grade is null || policy.Length == 0)
        {
            throw new DomainException("訂正後も取組状況報告・年度末評価・次年度に向けた取組方針はすべて入力してください。");
        }

        if (text == StatusReport && grade == Grade && policy == NextYearPolicy && actualValue == ActualValue)
        {
            throw new DomainException("訂正する内容がありません（保存されている内容と同じです）。");
        }

        // A corrected grade, 取組方針 or 実績値 meets the same rules as an entered one; an unchanged one stays as published.
        var explanation = grade == Grade && policy == NextYearPolicy && actualValue == ActualValue
            ? GradeExplanation
            : CheckGrade(grade, policy, target, actualValue, gradeExplanation ?? GradeExplanation);
        GradeExplanation = explanation;
        StatusReport = text;
        Grade = grade;
        NextYearPolicy = policy;
        ActualValue = actualValue;
        Version++;
    }

    /// <summary>Records a result that is already final, as the booklet printed it (used by the seed import).</summary>
    internal void RecordPublishedResult(string statusReport, EvaluationGrade? grade, string nextYearPolicy)
    {
        StatusReport = Guard.Optional(statusReport, "取組状況報告", MaxTextLength);
        Grade = grade;
        NextYearPolicy = Guard.Optional(nextYearPolicy, "次年度に向けた取組方針", MaxTextLength);
        Status = ReportStatus.Accepted;
    }

    /// <summary>The self-grade rules (ADR 0028); returns the explanation to store (null when the grade needs none).</summary>
    private string? CheckGrade(EvaluationGrade? grade, string policy, TargetQuantity? target, decimal? actual, string? explanation)
    {
        if (GradeConsistency.Problem(Year, grade, policy, target, actual, explanation) is { } problem)
        {
            throw new DomainException(problem);
        }

        return GradeConsistency.Check(grade, target, actual) is null
            ? null
            : Guard.Optional(explanation?.Replace("\r\n", "\n", StringComparison.Ordinal), "評価の説明", GradeConsistency.MaxExplanationLength);
    }

    /// <summary>差戻し or 再開: the 企画課 hands the report back to the department (差戻し) with a reason it will see.</summary>
    private void SendBack(ReportActor actor, ReportStatus from, string action, string onlyFrom, string reasonName, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequirePlanningOffice(actor, action);
        EnsureOpen();
        if (Status != from)
        {
            throw new DomainException($"{onlyFrom}（現在：{Status.DisplayName()}）。");
        }

        ReviewComment = Guard.Required(reason, reasonName, MaxCommentLength);

        // The 二次評価 belongs to the acceptance it was given with; the next acceptance records it again (history keeps it).
        SecondGrade = null;
        SecondGradeReason = null;
        Status = ReportStatus.Returned;
        ReviewedAt = now;
        ReviewedBy = actor.DisplayName;
        Version++;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException($"{Year.JapaneseName}の実績は確定済のため、この報告は変更できません。訂正が必要な場合は企画課が理由を付けて行います。");
        }
    }

    private static void RequireEditor(ReportActor actor)
    {
        if (!actor.CanEdit)
        {
            throw new DomainException("この計画の年度末報告を編集する権限がありません。");
        }
    }

    private static void RequirePlanningOffice(ReportActor actor, string action)
    {
        if (!actor.IsPlanningOffice)
        {
            throw new DomainException($"{action}は企画課だけが行えます。");
        }
    }
}
