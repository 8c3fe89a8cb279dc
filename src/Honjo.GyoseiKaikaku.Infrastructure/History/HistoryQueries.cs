using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.History;

/// <summary>Who made the last recorded change, and when.</summary>
public sealed record LastChange(string UserId, string UserName, DateTimeOffset At);

/// <summary>The questions features ask of the 履歴.</summary>
public static class HistoryQueries
{
    /// <summary>The last recorded change to the report of plan identity <paramref name="planKeyId"/> for <paramref name="year"/>; null when none.</summary>
    public static Task<LastChange?> LastReportChangeAsync(this AppDbContext db, int planKeyId, FiscalYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.History.AsNoTracking()
            .Where(h => h.PlanKeyId == planKeyId && h.Year == year.Reiwa)
            .OrderByDescending(h => h.Id)
            .Select(h => new LastChange(h.UserId, h.UserName, h.At))
            .FirstOrDefaultAsync(ct);
    }
}
