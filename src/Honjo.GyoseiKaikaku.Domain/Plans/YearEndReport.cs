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
    /// Saves the three fields and the actual value (実績値) as a draft. Blank fields are allowed until submission.
    /// </summary>
    public void SaveDraft(ReportActor actor, string? statusReport, EvaluationGrade? grade, string? nextYearPolicy, decimal? actualValue)
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

    public void Accept(ReportActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequirePlanningOffice(actor, "確認");
        EnsureOpen();
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainException($"確認できるのは提出済の報告だけです（現在：{Status.DisplayName()}）。");
        }

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
    public void Correct(ReportActor actor, string? statusReport, EvaluationGrade? grade, string? nextYearPolicy, decimal? actualValue, string? reason)
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
