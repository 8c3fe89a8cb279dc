using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>The queries every feature needs the same way: the whole plan aggregate, plans running in a year, the 大綱.</summary>
public static class PlanQueries
{
    /// <summary>A plan version with everything its sheet prints: field, departments, 連携課, texts, targets, SDGs, year-end records.</summary>
    public static IQueryable<Plan> WithWholeSheet(this IQueryable<Plan> plans) =>
        plans.AsSplitQuery()
            .Include(p => p.Field)
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Cooperators).ThenInclude(c => c.Department)
            .Include(p => p.TextItems)
            .Include(p => p.YearTargets)
            .Include(p => p.SdgGoals)
            .Include(p => p.Changes)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports);

    /// <summary>
    /// A plan version with what its year-end reports need: edition, executing departments (the department check), yearly
    /// targets (the numeric target and its 実績値), the texts (a grading rule stated there, ADR 0028) and the reports of
    /// every year.
    /// </summary>
    public static IQueryable<Plan> WithReports(this IQueryable<Plan> plans) =>
        plans.AsSplitQuery()
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.TextItems)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports);

    /// <summary>The versions printed in the edition with id <paramref name="editionId"/>.</summary>
    public static IQueryable<Plan> InEdition(this IQueryable<Plan> plans, int editionId) =>
        plans.Where(p => p.EditionId == editionId);

    /// <summary>The booklet's order: by field, then number. Every list of plans (目次, 部署別, 集計, Excel, open data) uses it.</summary>
    public static IOrderedQueryable<Plan> InBookletOrder(this IQueryable<Plan> plans) =>
        plans.OrderBy(p => p.FieldNumber).ThenBy(p => p.Number);

    /// <summary>The booklet's order for plans already read (see the query form above).</summary>
    public static IOrderedEnumerable<Plan> InBookletOrder(this IEnumerable<Plan> plans) =>
        plans.OrderBy(p => p.FieldNumber).ThenBy(p => p.Number);

    /// <summary>Every edition's version of plan <paramref name="number"/>.</summary>
    public static IQueryable<Plan> VersionsOf(this IQueryable<Plan> plans, PlanNumber number) =>
        plans.Where(p => p.FieldNumber == number.Field && p.Number == number.Number);

    /// <summary>The version of plan <paramref name="number"/> in the edition with id <paramref name="editionId"/>.</summary>
    public static Task<Plan?> FindAsync(this IQueryable<Plan> plans, PlanNumber number, int editionId, CancellationToken ct) =>
        plans.FirstOrDefaultAsync(p => p.EditionId == editionId && p.FieldNumber == number.Field && p.Number == number.Number, ct);

    /// <summary>
    /// The years of the editions that hold a version of plan <paramref name="number"/>, oldest first; empty for a number no
    /// edition has. A plan that ended is in the editions up to its last year; one added later, from its first edition on.
    /// </summary>
    public static Task<List<FiscalYear>> EditionYearsHoldingAsync(this AppDbContext db, PlanNumber number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Plans.AsNoTracking()
            .VersionsOf(number)
            .Select(p => p.Edition!.Year)
            .OrderBy(y => y)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The edition whose versions describe the plans of fiscal year <paramref name="year"/>: that year's edition, else
    /// the newest one before it, else (a year before the first edition, such as R5) the first edition. Null when there is none.
    /// </summary>
    public static async Task<int?> EditionIdForYearAsync(this AppDbContext db, FiscalYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Year).Select(e => new { e.Id, e.Year }).ToListAsync(ct);
        return (editions.LastOrDefault(e => e.Year <= year) ?? editions.FirstOrDefault())?.Id;
    }

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
