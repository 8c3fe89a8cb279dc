namespace Honjo.GyoseiKaikaku.Infrastructure.Notices;

/// <summary>Why a person was told something; stored by name.</summary>
public enum NoticeKind
{
    /// <summary>A department submitted a report (to the 企画課).</summary>
    ReportSubmitted,

    /// <summary>The 企画課 returned a report (to the department's editors).</summary>
    ReportReturned,

    /// <summary>The 企画課 accepted a report.</summary>
    ReportAccepted,

    /// <summary>The 企画課 reopened an accepted report.</summary>
    ReportReopened,

    /// <summary>A new entry in a report's thread (to the other side).</summary>
    CommentPosted,

    /// <summary>N days before the deadline, to departments whose reports are not handed in.</summary>
    DeadlineApproaching,

    /// <summary>The deadline has passed with reports not handed in.</summary>
    DeadlinePassed,

    /// <summary>計画の公表: entry of the edition's reports opens (to every department editor).</summary>
    EntryOpened,

    /// <summary>A 審議会 member submitted an opinion (to the 企画課).</summary>
    CouncilOpinionSubmitted,

    /// <summary>The 企画課 forwarded a 審議会 opinion (to the editors of the departments that answer it).</summary>
    CouncilOpinionForwarded,

    /// <summary>A department answered a 審議会 opinion (to the 企画課).</summary>
    CouncilResponseAnswered,

    /// <summary>The 企画課 accepted or returned a response (to the department's editors).</summary>
    CouncilResponseReviewed,

    /// <summary>The opinion/response table was published (to the members who wrote opinions).</summary>
    CouncilTablePublished,
}

/// <summary>One notice to one person, shown in the app's notice list until read (and after, as read).</summary>
public sealed class Notice
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxLinkLength = 300;

    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public NoticeKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>The page the notice is about, as an application path (/plans/1-9/report?year=R6).</summary>
    public string Link { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change it tells about: a restart loses
/// nothing, and a sent mail is marked so it is not sent again (ADR 0023).
/// </summary>
public sealed class OutboxMail
{
    public const int MaxAddressLength = 256;
    public const int MaxErrorLength = 1000;

    public long Id { get; set; }

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this moment (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A server sending it holds it until then; another server takes it only after.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Given up after the last attempt.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Which deadline reminder went out for which report: never twice for the same report and deadline.</summary>
public sealed class DeadlineReminderRecord
{
    public long Id { get; set; }

    public int PlanKeyId { get; set; }

    public int Year { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>The deadline the reminder was about (a new deadline gets its own reminders).</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>The Japan date it was sent on.</summary>
    public DateOnly SentOn { get; set; }
}
