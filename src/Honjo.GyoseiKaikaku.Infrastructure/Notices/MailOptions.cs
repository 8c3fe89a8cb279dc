using MailKit.Security;

namespace Honjo.GyoseiKaikaku.Infrastructure.Notices;

/// <summary>
/// Configuration section <c>Mail</c>: the city's SMTP relay. Without <c>Mail:Smtp:Host</c> notices are shown in the
/// application only and no mail is queued. See docs/deployment.md.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender address (Mail:From), required when a host is set.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "本庄市 行政改革 実施計画";

    /// <summary>The site's address for links in mails (https://gyoseikaikaku.city.honjo.lg.jp); paths only without it.</summary>
    public string? BaseUrl { get; set; }

    public OutboxOptions Outbox { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Auto (STARTTLS when offered; TLS from the start on 465), None, StartTls (required), SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Check the server certificate's revocation list (needs the CRL to be reachable from the server).</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class OutboxOptions
{
    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a mail is given up (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; doubled after each one up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a server holds a mail it is sending before another server may take it.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Configuration section <c>Notices</c>: deadline reminders.</summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>N: the reminder goes this many days before the deadline.</summary>
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>How often deadlines are checked.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    public bool RemindersEnabled { get; set; } = true;
}
