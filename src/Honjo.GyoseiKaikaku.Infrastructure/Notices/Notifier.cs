using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Notices;

/// <summary>Who a notice goes to: the user, the address mail goes to (null: in the app only).</summary>
public sealed record NoticeRecipient(string UserId, string? MailTo);

/// <summary>What a notice says.</summary>
public sealed record NoticeMessage(NoticeKind Kind, string Title, string Body, string Link);

/// <summary>
/// Writes notices (and, when mail is configured and the person takes mail, their outbox mails) into the current unit
/// of work: they are saved with the change they tell about, or not at all. The caller saves.
/// </summary>
public sealed class Notifier(AppDbContext db, IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>Every 企画課 user but <paramref name="exceptUserId"/>.</summary>
    public Task<List<NoticeRecipient>> PlanningOfficeAsync(string? exceptUserId, CancellationToken ct) =>
        RecipientsAsync(AppRoles.PlanningOffice, null, exceptUserId, ct);

    /// <summary>The department editors bound to any of <paramref name="departmentIds"/> (all of them when null), but <paramref name="exceptUserId"/>.</summary>
    public Task<List<NoticeRecipient>> DepartmentEditorsAsync(IReadOnlyCollection<int>? departmentIds, string? exceptUserId, CancellationToken ct) =>
        RecipientsAsync(AppRoles.DepartmentEditor, departmentIds, exceptUserId, ct);

    public void Add(IEnumerable<NoticeRecipient> recipients, NoticeMessage message)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var options = mail.Value;
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            db.Notices.Add(new Notice
            {
                UserId = recipient.UserId,
                Kind = message.Kind,
                Title = Clip(message.Title, Notice.MaxTitleLength),
                Body = Clip(message.Body, Notice.MaxBodyLength),
                Link = Clip(message.Link, Notice.MaxLinkLength),
                CreatedAt = now,
            });
            if (options.IsConfigured && recipient.MailTo is { Length: > 0 } to)
            {
                db.OutboxMails.Add(new OutboxMail
                {
                    To = to,
                    Subject = Clip("【行政改革 実施計画】" + message.Title, Notice.MaxTitleLength),
                    Body = MailBody(options, message),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
    }

    private static string MailBody(MailOptions options, NoticeMessage message)
    {
        var site = options.BaseUrl?.TrimEnd('/') ?? string.Empty;
        return $"""
            {message.Title}

            {message.Body}

            {site}{message.Link}

            ――
            このメールは本庄市 行政改革 実施計画シートから自動で送信しています。返信はできません。
            メールでの通知は「通知の設定」で止められます：{site}/notices/settings
            """;
    }

    private async Task<List<NoticeRecipient>> RecipientsAsync(string role, IReadOnlyCollection<int>? departmentIds, string? exceptUserId, CancellationToken ct)
    {
        var users = from u in db.Users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role && u.Id != exceptUserId
                    select u;
        if (departmentIds is not null)
        {
            var ids = departmentIds.ToList();
            users = users.Where(u => u.Departments.Any(d => ids.Contains(d.DepartmentId)));
        }

        return await users.OrderBy(u => u.UserName)
            .Select(u => new NoticeRecipient(u.Id, u.NoticeMailOff || u.Email == null || u.Email == string.Empty ? null : u.Email))
            .ToListAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
