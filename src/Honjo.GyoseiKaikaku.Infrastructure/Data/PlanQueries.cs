using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>The queries every feature needs the same way: the whole plan aggregate, plans running in a year, the 大綱.</summary>
public static class PlanQueries
{
    /// <summary>A plan with everything its sheet prints: field, departments, 連携課, texts, targets, SDGs, year-end records.</summary>
    public static IQueryable<Plan> WithWholeSheet(this IQueryable<Plan> plans) =>
        plans.AsSplitQuery()
            .Include(p => p.Field)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Cooperators).ThenInclude(c => c.Department)
            .Include(p => p.TextItems)
            .Include(p => p.YearTargets)
            .Include(p => p.SdgGoals)
            .Include(p => p.YearEndReports);

    public static Task<Plan?> FindAsync(this IQueryable<Plan> plans, PlanNumber number, CancellationToken ct) =>
        plans.FirstOrDefaultAsync(p => p.FieldNumber == number.Field && p.Number == number.Number, ct);

    /// <summary>Plans whose period (開始年度 to 達成目標年度) includes <paramref name="year"/>; the SQL form of <see cref="Plan.IsRunningIn"/>.</summary>
    public static IQueryable<Plan> RunningIn(this IQueryable<Plan> plans, FiscalYear year) =>
        plans.Where(p => p.StartYear <= year && p.TargetYear >= year);

    /// <summary>The 大綱. There is one; ordering keeps the query deterministic (and EF quiet about it).</summary>
    public static Task<ReformOutline> OutlineAsync(this AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Outlines.AsNoTracking().OrderBy(o => o.Id).FirstAsync(ct);
    }
}
