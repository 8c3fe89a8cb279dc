using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>What an entry of a report's thread records.</summary>
public enum ReportCommentKind
{
    /// <summary>A message from the department or the 企画課.</summary>
    Message = 0,

    /// <summary>差戻し: the 企画課's reason for returning the report.</summary>
    Returned = 1,

    /// <summary>再開: the 企画課's reason for reopening an accepted report.</summary>
    Reopened = 2,
}

/// <summary>
/// One entry of the thread between a plan's department and the 企画課 about the plan's year-end report of one fiscal
/// year. Entries are kept for good: there is no edit and no delete. Who may read them is the report-visibility rule
/// without its "accepted" clause: the department and the 企画課 only, whatever the report's state (ADR 0024).
/// </summary>
public sealed class ReportComment
{
    public const int MaxBodyLength = YearEndReport.MaxCommentLength;

    private ReportComment()
    {
        Body = string.Empty;
        AuthorName = string.Empty;
    }

    private ReportComment(int planKeyId, FiscalYear year, ReportCommentKind kind, string body, ReportActor author, DateTimeOffset at)
        : this()
    {
        PlanKeyId = planKeyId;
        Year = year;
        Kind = kind;
        Body = body;
        AuthorId = author.UserId;
        AuthorName = author.DisplayName;
        FromPlanningOffice = author.IsPlanningOffice;
        At = at;
    }

    public long Id { get; private set; }

    public int PlanKeyId { get; private set; }

    public FiscalYear Year { get; private set; }

    public ReportCommentKind Kind { get; private set; }

    public string Body { get; private set; }

    /// <summary>The author's user id; null for an entry carried over from the single review comment of earlier releases.</summary>
    public string? AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    /// <summary>Written by the 企画課 (else by the department).</summary>
    public bool FromPlanningOffice { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string KindLabel => Kind switch
    {
        ReportCommentKind.Returned => "差戻し",
        ReportCommentKind.Reopened => "再開",
        _ => "コメント",
    };

    /// <summary>
    /// A message in the thread of <paramref name="planKeyId"/>'s report for <paramref name="year"/>. Refused for anyone
    /// but the department and the 企画課, without text, and once the year is closed (<paramref name="report"/> closed).
    /// </summary>
    public static ReportComment Write(int planKeyId, FiscalYear year, YearEndReport? report, ReportActor author, string? body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (!author.CanEdit)
        {
            throw new DomainException("この報告にコメントする権限がありません。");
        }

        if (report is { IsClosed: true })
        {
            throw new DomainException($"{year.JapaneseName}の実績は確定済のため、コメントは追加できません。");
        }

        return new ReportComment(planKeyId, year, ReportCommentKind.Message, Guard.Required(body, "コメント", MaxBodyLength), author, at);
    }

    /// <summary>The thread entry of a 差戻し or 再開 just made on <paramref name="report"/>, with its reason.</summary>
    public static ReportComment OfReview(YearEndReport report, ReportActor author, ReportCommentKind kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(author);
        if (report.Status != ReportStatus.Returned || report.ReviewComment is null || report.ReviewedAt is null)
        {
            throw new InvalidOperationException("Only a report just returned or reopened has a review entry.");
        }

        if (kind == ReportCommentKind.Message)
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return new ReportComment(report.PlanKeyId, report.Year, kind, report.ReviewComment, author, report.ReviewedAt.Value);
    }
}
