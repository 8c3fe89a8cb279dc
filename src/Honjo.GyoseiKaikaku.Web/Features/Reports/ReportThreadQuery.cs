using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// A report's thread, oldest first. The database's filter already hides it from anyone but the department and the
/// 企画課; callers show it only to them as well.
/// </summary>
public sealed class ReportThreadQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<ThreadEntry>> ForAsync(int planKeyId, FiscalYear? year, CancellationToken ct)
    {
        var query = db.ReportComments.AsNoTracking().Where(c => c.PlanKeyId == planKeyId);
        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        var rows = await query.OrderBy(c => c.Id).ToListAsync(ct);
        return rows.Select(c => new ThreadEntry(c.Id, c.AuthorName, c.FromPlanningOffice, c.At, c.KindLabel, c.Kind, c.Body, c.Year)).ToList();
    }
}
