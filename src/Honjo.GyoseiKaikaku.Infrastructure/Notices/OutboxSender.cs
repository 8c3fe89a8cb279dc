using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Honjo.GyoseiKaikaku.Infrastructure.Notices;

public static class MailEvents
{
    public static readonly EventId Sent = new(3001, "MailSent");
    public static readonly EventId Failed = new(3002, "MailFailed");
    public static readonly EventId GaveUp = new(3003, "MailGaveUp");
    public static readonly EventId OutboxError = new(3004, "MailOutboxError");
}

/// <summary>
/// Sends the outbox through the configured SMTP server. A mail is claimed for a while (so two servers do not both send
/// it), sent, and marked sent at once; a failure is logged and retried after a doubling wait, up to
/// <see cref="OutboxOptions.MaxAttempts"/>. Nothing is sent while no host is configured (ADR 0023).
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    private const int BatchSize = 20;

    /// <summary>Sends what is due now; returns how many mails were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var mail = options.Value;
        if (!mail.IsConfigured)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var claimedUntil = now + mail.Outbox.ClaimFor;
        var mine = new List<OutboxMail>();
        foreach (var m in due)
        {
            // Only one server wins the claim: the update matches only while nobody else holds it.
            var claimed = await db.OutboxMails
                .Where(x => x.Id == m.Id && x.SentAt == null && (x.ClaimedUntil == null || x.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, claimedUntil), ct);
            if (claimed == 1)
            {
                mine.Add(m);
            }
        }

        var sent = 0;
        using var client = new SmtpClient { Timeout = (int)mail.Smtp.Timeout.TotalMilliseconds, CheckCertificateRevocation = mail.Smtp.CheckCertificateRevocation };
        try
        {
            await client.ConnectAsync(mail.Smtp.Host!, mail.Smtp.Port, mail.Smtp.Security, ct);
            if (!string.IsNullOrEmpty(mail.Smtp.UserName))
            {
                await client.AuthenticateAsync(mail.Smtp.UserName, mail.Smtp.Password ?? string.Empty, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var m in mine)
            {
                await FailedAsync(db, m, e, ct);
            }

            return 0;
        }

        foreach (var m in mine)
        {
            try
            {
                await client.SendAsync(ToMessage(mail, m), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailedAsync(db, m, e, ct);
                continue;
            }

            var at = clock.GetUtcNow();
            await db.OutboxMails.Where(x => x.Id == m.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, at).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            logger.LogInformation(MailEvents.Sent, "Mail {MailId} sent to {To}.", m.Id, m.To);
            sent++;
        }

        await client.DisconnectAsync(true, CancellationToken.None);
        return sent;
    }

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: base × 2^(failures − 1), at most the maximum.</summary>
    public static TimeSpan Backoff(OutboxOptions options, int failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.RetryBase.Ticks * factor, options.RetryMax.Ticks));
        return wait;
    }

    private async Task FailedAsync(AppDbContext db, OutboxMail m, Exception e, CancellationToken ct)
    {
        var outbox = options.Value.Outbox;
        var failures = m.Attempts + 1;
        var now = clock.GetUtcNow();
        var error = $"{e.GetType().Name}: {e.Message}";
        error = error.Length <= OutboxMail.MaxErrorLength ? error : error[..OutboxMail.MaxErrorLength];
        if (failures >= outbox.MaxAttempts)
        {
            await db.OutboxMails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, failures).SetProperty(x => x.FailedAt, now).SetProperty(x => x.LastError, error)
                .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), ct);
            logger.LogError(MailEvents.GaveUp, e, "Mail {MailId} to {To} was given up after {Attempts} attempts: {Error}", m.Id, m.To, failures, error);
            return;
        }

        var next = now + Backoff(outbox, failures);
        await db.OutboxMails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, failures).SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.LastError, error)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), ct);
        logger.LogWarning(MailEvents.Failed, "Mail {MailId} to {To} failed (attempt {Attempts}); next attempt at {NextAttemptAt:o}: {Error}", m.Id, m.To, failures, next, error);
    }

    private static MimeMessage ToMessage(MailOptions mail, OutboxMail m)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From ?? string.Empty));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;

        // The same id on every attempt: a mail server that got it once can recognise a second copy.
        var domain = mail.From is { } from && from.Contains('@', StringComparison.Ordinal) ? from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..] : "localhost";
        message.MessageId = $"outbox-{m.Id}-{m.CreatedAt.ToUnixTimeMilliseconds()}@{domain}";
        message.Date = m.CreatedAt;
        message.Body = new TextPart("plain") { Text = m.Body };
        return message;
    }
}

/// <summary>Runs <see cref="OutboxSender"/> every <see cref="OutboxOptions.PollInterval"/> while the application runs.</summary>
public sealed class OutboxService(OutboxSender sender, IOptions<MailOptions> options, ILogger<OutboxService> logger) : RepeatingService
{
    protected override bool Enabled => options.Value.IsConfigured;

    protected override TimeSpan Interval => options.Value.Outbox.PollInterval;

    /// <summary>Sends batch after batch until none is due.</summary>
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        while (await sender.SendDueAsync(stoppingToken) > 0)
        {
        }
    }

    protected override void LogFailure(Exception exception) =>
        logger.LogError(MailEvents.OutboxError, exception, "The mail outbox could not be read; trying again later.");
}
