using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>An executing department of a plan, as the boards group by it.</summary>
public sealed record ReportRowDepartment(int Id, string Name, int SortOrder);

/// <summary>A plan running in the edition's year and where its report of that year stands.</summary>
public sealed record YearReportRow(
    PlanNumber Number, string Name, IReadOnlyList<ReportRowDepartment> Departments, ReportStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt)
{
    /// <summary>The department's explanation of a self-grade that contradicts the numbers (ADR 0028), for the 企画課's queue.</summary>
    public string? GradeExplanation { get; init; }
}

/// <summary>The report-for-year projection the 企画課's boards (start page, 進捗管理) read, in booklet order.</summary>
public static class YearReportRows
{
    public static async Task<List<YearReportRow>> YearReportRowsAsync(this AppDbContext db, EditionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        var year = context.Year;
        var plans = await db.Plans.AsNoTracking().InEdition(context.Edition.Id).RunningIn(year)
            .InBookletOrder()
            .Select(p => new
            {
                p.FieldNumber,
                p.Number,
                p.Name,
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order)
                    .Select(d => new ReportRowDepartment(d.DepartmentId, d.Department.Name, d.Department.SortOrder)).ToList(),
                Report = p.Key.YearEndReports.Where(r => r.Year == year).Select(r => new { r.Status, r.SubmittedAt, r.ReviewedAt, r.GradeExplanation }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return plans.Select(p => new YearReportRow(
            new PlanNumber(p.FieldNumber, p.Number), p.Name, p.Departments,
            p.Report?.Status ?? ReportStatus.NotStarted, p.Report?.SubmittedAt, p.Report?.ReviewedAt) { GradeExplanation = p.Report?.GradeExplanation }).ToList();
    }
}
