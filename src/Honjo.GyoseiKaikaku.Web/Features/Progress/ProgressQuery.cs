using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Progress;

public sealed record ProgressRequest
{
    public string? Year { get; init; }

    public ReportStatus? Status { get; init; }

    public int? Department { get; init; }

    public bool Late { get; init; }
}

public sealed record ProgressRow(PlanNumber Number, string Name, ReportStatus Status, bool IsLate, DateTimeOffset? SubmittedAt);

public sealed record ProgressDepartment(int Id, string Name, IReadOnlyList<ProgressRow> Rows);

public sealed record ProgressViewModel(
    EditionContext Context,
    ProgressRequest Request,
    DateOnly? Deadline,
    DateOnly Today,
    IReadOnlyDictionary<ReportStatus, int> Counts,
    int LateCount,
    int PlanCount,
    IReadOnlyList<ProgressDepartment> Departments,
    IReadOnlyList<(int Id, string Name)> DepartmentOptions)
{
    public string? YearRoute => Context.YearRoute;
}

/// <summary>企画課's board: every plan running in the edition's year, its report state, by executing department.</summary>
public sealed class ProgressQuery(AppDbContext db, EditionResolver editions, TimeProvider clock)
{
    public async Task<ProgressViewModel?> HandleAsync(ProgressRequest request, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(request.Year, ct);
        if (context is null)
        {
            return null;
        }

        var year = context.Year;
        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == context.Edition.Id, ct);
        var today = JapanTime.Today(clock);
        var rows = (await db.YearReportRowsAsync(context, ct))
            .Select(p => (Plan: p, Row: new ProgressRow(p.Number, p.Name, p.Status, edition.IsLate(p.Status, today), p.SubmittedAt)))
            .ToList();

        var counts = ReportStatuses.All.ToDictionary(s => s, s => rows.Count(r => r.Row.Status == s));
        var filtered = rows
            .Where(r => request.Status is null || r.Row.Status == request.Status)
            .Where(r => !request.Late || r.Row.IsLate)
            .ToList();

        var departments = filtered
            .SelectMany(r => r.Plan.Departments.Select(d => (DepartmentId: d.Id, d.Name, d.SortOrder, r.Row)))
            .Where(x => request.Department is null || x.DepartmentId == request.Department)
            .GroupBy(x => (x.DepartmentId, x.Name, x.SortOrder))
            .OrderBy(g => g.Key.SortOrder)
            .Select(g => new ProgressDepartment(g.Key.DepartmentId, g.Key.Name, g.Select(x => x.Row).ToList()))
            .ToList();
        var options = rows.SelectMany(r => r.Plan.Departments).DistinctBy(d => d.Id).OrderBy(d => d.SortOrder)
            .Select(d => (d.Id, d.Name)).ToList();

        return new ProgressViewModel(context, request, edition.ReportDeadline, today, counts, rows.Count(r => r.Row.IsLate), rows.Count, departments, options);
    }
}
