using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>
/// Reads what may be published as open data: published editions only, accepted year-end reports only.
/// At 公表 the data is written once and stored with the edition (see decisions/0012); this reads it for that.
/// </summary>
public sealed class OpenDataReader(AppDbContext db)
{
    public async Task<IReadOnlyList<OpenDataEditionSummary>> ListPublishedAsync(CancellationToken ct)
    {
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.Status != EditionStatus.Draft)
            .Select(e => new { e.Year, e.Title, e.PublishedAt })
            .ToListAsync(ct);
        return editions
            .OrderByDescending(e => e.Year)
            .Select(e => new OpenDataEditionSummary(e.Year, e.Title, e.PublishedAt ?? DateTimeOffset.MinValue))
            .ToList();
    }

    /// <summary>The open data of the edition of <paramref name="year"/>, or null when it is unknown or still a draft.</summary>
    public Task<OpenDataset?> ReadAsync(FiscalYear year, CancellationToken ct) => ReadAsync(year, publishingAt: null, ct);

    /// <summary>
    /// The open data of an edition: a published one, or (with <paramref name="publishingAt"/>) the draft that is being
    /// published at that moment, so that its data can be stored with it.
    /// </summary>
    public async Task<OpenDataset?> ReadAsync(FiscalYear year, DateTimeOffset? publishingAt, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Year == year && (e.Status != EditionStatus.Draft || publishingAt != null), ct);
        if (edition is null)
        {
            return null;
        }

        var outline = await db.OutlineAsync(ct);
        var years = outline.Years.ToList();
        var plans = await db.Plans.AsNoTracking().WithWholeSheet().InEdition(edition.Id).ToListAsync(ct);

        return new OpenDataset(
            edition.Year,
            edition.Title,
            edition.PublishedAt ?? publishingAt ?? DateTimeOffset.MinValue,
            outline.Title,
            years,
            plans.InBookletOrder().Select(p => ToOpenData(p, years, edition.Year)).ToList());
    }

    private static OpenDataPlan ToOpenData(Plan plan, IReadOnlyList<FiscalYear> years, FiscalYear edition) => new(
        plan.PlanNumber.ToString(),
        plan.FieldNumber,
        plan.Field.Name,
        plan.Number,
        plan.Name,
        plan.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name).ToList(),
        plan.Cooperators.OrderBy(c => c.Order).Select(c => c.Label).ToList(),
        plan.CooperatorsOpenEnded,
        plan.StartYear,
        plan.TargetYear,
        plan.Perspective.DisplayName(),
        years.Select(y =>
        {
            // Only what the 企画課 accepted, and nothing reported for a year after the edition's own.
            var report = plan.ReportFor(y) is { Status: ReportStatus.Accepted } r && y <= edition ? r : null;
            return new OpenDataYear(
                y,
                plan.IsRunningIn(y),
                plan.TargetFor(y),
                report is null ? null : report.StatusReport,
                report?.Grade?.ToString(),
                report is null ? null : report.NextYearPolicy)
            {
                SecondGrade = report?.SecondGrade?.ToString(),
                SecondGradeReason = report?.SecondGradeReason,
            };
        }).ToList());
}
