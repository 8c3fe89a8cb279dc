using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

public sealed record AuditListRequest
{
    /// <summary>An <see cref="AuditAction"/> name; anything else shows every action.</summary>
    public string? Kind { get; init; }

    public int Page { get; init; } = 1;
}

public sealed record AuditRow(
    DateTimeOffset At, string ActorName, AuditAction Action, string Target, string Detail, string? ClientAddress, string? RequestId)
{
    public string JapanTime => Domain.Common.JapanTime.StampWithSeconds(At);
}

public sealed record AuditListViewModel(AuditAction? Kind, IReadOnlyList<AuditRow> Rows, int TotalCount, int Page, int PageCount);

/// <summary>The 操作ログ: administrative actions, newest first, by page, optionally of one kind. Read only.</summary>
public sealed class AuditQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditListViewModel> ListAsync(AuditListRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        AuditAction? kind = AuditActionNames.All.Where(a => a.ToString() == request.Kind).Select(a => (AuditAction?)a).FirstOrDefault();
        var query = db.AuditEvents.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(e => e.Action == k);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new AuditRow(e.At, e.ActorName, e.Action, e.Target, e.Detail, e.ClientAddress, e.RequestId))
            .ToListAsync(ct);
        return new AuditListViewModel(kind, rows, total, page, pageCount);
    }
}
