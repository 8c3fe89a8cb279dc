using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Reports;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Start;

public sealed record InboxRow(PlanNumber Number, string Name, string Departments, DateTimeOffset? At, bool IsLate)
{
    /// <summary>The department's 評価の説明 of a self-grade that contradicts the numbers (ADR 0028); null when none.</summary>
    public string? GradeExplanation { get; init; }
}

public sealed record LateDepartment(int Id, string Name, int Count);

public sealed record InboxViewModel(
    EditionContext Context,
    int? Department,
    IReadOnlyList<(int Id, string Name)> DepartmentOptions,
    IReadOnlyList<InboxRow> Waiting,
    IReadOnlyList<InboxRow> Returned,
    IReadOnlyList<LateDepartment> LateDepartments,
    DateOnly? Deadline)
{
    public ReviewInbox Queue => new(Department);

}

/// <summary>
/// The 企画課's start page: reports waiting for review (oldest submission first), reports returned and waiting for
/// the department, and the departments with late reports, optionally for one department. The same order gives the
/// "next" report after a review.
/// </summary>
public sealed class InboxQuery(AppDbContext db, EditionResolver editions, TimeProvider clock)
{
    public async Task<InboxViewModel?> HandleAsync(string? year, int? department, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        if (context is null)
        {
            return null;
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == context.Edition.Id, ct);
        var today = JapanTime.Today(clock);
        var rows = await db.YearReportRowsAsync(context, ct);
        var filtered = rows.Where(r => department is null || r.Departments.Any(d => d.Id == department)).ToList();
        InboxRow Row(YearReportRow r, DateTimeOffset? at) =>
            new(r.Number, r.Name, string.Join("、", r.Departments.Select(d => d.Name)), at, edition.IsLate(r.Status, today)) { GradeExplanation = r.GradeExplanation };
        var late = rows.Where(r => edition.IsLate(r.Status, today))
            .SelectMany(r => r.Departments)
            .GroupBy(d => (d.Id, d.Name, d.SortOrder))
            .OrderBy(g => g.Key.SortOrder)
            .Select(g => new LateDepartment(g.Key.Id, g.Key.Name, g.Count()))
            .ToList();
        var options = rows.SelectMany(r => r.Departments).DistinctBy(d => d.Id).OrderBy(d => d.SortOrder).Select(d => (d.Id, d.Name)).ToList();
        return new InboxViewModel(
            context,
            department,
            options,
            Waiting(filtered).Select(r => Row(r, r.SubmittedAt)).ToList(),
            filtered.Where(r => r.Status == ReportStatus.Returned).OrderBy(r => r.ReviewedAt).Select(r => Row(r, r.ReviewedAt)).ToList(),
            late,
            edition.ReportDeadline);
    }

    /// <summary>The first report waiting for review in <paramref name="queue"/> other than <paramref name="current"/>.</summary>
    public async Task<QueueNext?> NextAsync(EditionContext context, ReviewInbox queue, PlanNumber current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var rows = await db.YearReportRowsAsync(context, ct);
        var next = Waiting(rows.Where(r => queue.Department is null || r.Departments.Any(d => d.Id == queue.Department)))
            .FirstOrDefault(r => r.Number != current);
        return next is null ? null : new QueueNext(next.Number, next.Name, context.Year.Code);
    }

    private static IEnumerable<YearReportRow> Waiting(IEnumerable<YearReportRow> rows) =>
        rows.Where(r => r.Status == ReportStatus.Submitted).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Number);
}
