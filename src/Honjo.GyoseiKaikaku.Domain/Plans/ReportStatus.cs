namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>Where a year-end report is in its workflow.</summary>
public enum ReportStatus
{
    /// <summary>未着手: nothing saved yet.</summary>
    NotStarted = 0,

    /// <summary>下書き: saved by the department, not yet submitted.</summary>
    Draft = 1,

    /// <summary>提出済: submitted, waiting for the 企画課.</summary>
    Submitted = 2,

    /// <summary>差戻し: returned (or reopened) by the 企画課 with a comment; the department edits and resubmits.</summary>
    Returned = 3,

    /// <summary>確認済: accepted by the 企画課; locked for the department.</summary>
    Accepted = 4,
}

public static class ReportStatuses
{
    public static IReadOnlyList<ReportStatus> All { get; } = Enum.GetValues<ReportStatus>();

    public static string DisplayName(this ReportStatus status) => status switch
    {
        ReportStatus.NotStarted => "未着手",
        ReportStatus.Draft => "下書き",
        ReportStatus.Submitted => "提出済",
        ReportStatus.Returned => "差戻し",
        ReportStatus.Accepted => "確認済",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>未着手, 下書き or 差戻し: the department (or the 企画課) may still change the texts.</summary>
    public static bool IsEditable(this ReportStatus status) => status is ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Submitted or accepted: the department's part is done.</summary>
    public static bool IsHandedIn(this ReportStatus status) => status is ReportStatus.Submitted or ReportStatus.Accepted;
}

/// <summary>
/// Who is acting on a report, as far as the workflow rules care: the planning office, or an editor of one of the
/// plan's executing departments (or neither).
/// </summary>
public sealed record ReportActor(string UserId, string DisplayName, bool IsPlanningOffice, bool IsPlanDepartmentEditor)
{
    public bool CanEdit => IsPlanningOffice || IsPlanDepartmentEditor;
}

/// <summary>
/// Who may do what with a report in a given state: the one statement of the workflow's permissions. The entity answers
/// with them (<see cref="YearEndReport.CanBeEditedBy"/>…), and so do pages that show a report as stored.
/// </summary>
public static class ReportRules
{
    /// <summary>Save the texts: the department or the 企画課, while 未着手, 下書き or 差戻し and the year is not closed.</summary>
    public static bool MayEdit(ReportActor actor, ReportStatus status, bool isClosed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanEdit && status.IsEditable() && !isClosed;
    }

    /// <summary>Submit (once complete): a 下書き or 差戻し of a year not closed.</summary>
    public static bool MaySubmit(ReportActor actor, ReportStatus status, bool isClosed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanEdit && status is ReportStatus.Draft or ReportStatus.Returned && !isClosed;
    }

    /// <summary>Accept or return: the 企画課, a submitted report of a year not closed.</summary>
    public static bool MayReview(ReportActor actor, ReportStatus status, bool isClosed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsPlanningOffice && status == ReportStatus.Submitted && !isClosed;
    }

    /// <summary>Reopen: the 企画課, an accepted report of a year not closed.</summary>
    public static bool MayReopen(ReportActor actor, ReportStatus status, bool isClosed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsPlanningOffice && status == ReportStatus.Accepted && !isClosed;
    }
}
