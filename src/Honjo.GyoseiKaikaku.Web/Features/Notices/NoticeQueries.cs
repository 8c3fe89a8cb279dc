using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Web.Features.Notices;

public sealed record NoticeRow(long Id, NoticeKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NoticeListViewModel(IReadOnlyList<NoticeRow> Rows, int Unread, int Page, int PageCount);

public sealed record NoticeSettingsViewModel(string? Email, bool ReceivesMail, bool MailConfigured, IReadOnlyList<string> Errors);

public sealed record NoticeSettingsRequest
{
    [StringLength(256, ErrorMessage = "メールアドレスは{1}文字以内で入力してください。")]
    [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません（例：taro.honjo@city.honjo.lg.jp）。")]
    public string? Email { get; init; }

    public bool ReceivesMail { get; init; }
}

/// <summary>The signed-in person's own notices and mail setting; nobody reads or marks another person's.</summary>
public sealed class NoticeQueries(AppDbContext db, IOptions<MailOptions> mail, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = UserId(user);
        return db.Notices.CountAsync(n => n.UserId == id && n.ReadAt == null, ct);
    }

    /// <summary>For the header on every page: null when the count cannot be read (the page is shown without it).</summary>
    public async Task<int?> UnreadCountOrNullAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            return user.FindFirstValue(ClaimTypes.NameIdentifier) is null ? null : await UnreadCountAsync(user, ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException)
        {
            return null;
        }
    }

    public async Task<NoticeListViewModel> ListAsync(ClaimsPrincipal user, int page, CancellationToken ct)
    {
        var id = UserId(user);
        var mine = db.Notices.AsNoTracking().Where(n => n.UserId == id);
        var count = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await mine.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NoticeRow(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NoticeListViewModel(rows, unread, page, pageCount);
    }

    /// <summary>Marks the person's notice read and answers where it leads; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var userId = UserId(user);
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notice is null)
        {
            return null;
        }

        notice.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return notice.Link;
    }

    public async Task MarkAllReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var now = clock.GetUtcNow();
        await db.Notices.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NoticeSettingsViewModel> SettingsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.NoticeMailOff }).SingleAsync(ct);
        return new NoticeSettingsViewModel(row.Email, !row.NoticeMailOff, mail.Value.IsConfigured, []);
    }

    /// <summary>Saves the address and the mail choice; answers the page again with the input and the errors when refused.</summary>
    public async Task<NoticeSettingsViewModel?> SaveSettingsAsync(ClaimsPrincipal user, NoticeSettingsRequest request, IReadOnlyList<string> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var problems = errors.ToList();
        if (request.ReceivesMail && email is null && problems.Count == 0)
        {
            problems.Add("メールで受け取るには、メールアドレスを入力してください。");
        }

        if (problems.Count > 0)
        {
            return new NoticeSettingsViewModel(request.Email, request.ReceivesMail, mail.Value.IsConfigured, problems);
        }

        var userId = UserId(user);
        var entity = await db.Users.SingleAsync(u => u.Id == userId, ct);
        entity.Email = email;
        entity.NormalizedEmail = email?.ToUpperInvariant();
        entity.NoticeMailOff = !request.ReceivesMail;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Notices need a signed-in user.");
}
