using Honjo.GyoseiKaikaku.Domain.Common;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.My;

/// <summary>The signed-in department editor's plans for the edition's year, each with its state and what to do next.</summary>
public sealed class MyPlansQuery(AppDbContext db, EditionResolver editions, TimeProvider clock, UploadGuard uploadGuard)
{
    public async Task<MyPlansViewModel?> HandleAsync(string? year, int? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        if (context is null)
        {
            return null;
        }

        if (DepartmentScope.Resolve(user, department) is not { } departmentIds)
        {
            return new MyPlansViewModel(context, [], null, []) { Forbidden = true };
        }

        var fiscalYear = context.Year;
        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == context.Edition.Id, ct);
        var rows = await db.Plans.AsNoTracking()
            .InEdition(context.Edition.Id)
            .RunningIn(fiscalYear)
            .Where(p => p.ExecutingDepartments.Any(d => departmentIds.Contains(d.DepartmentId)))
            .InBookletOrder()
            .Select(p => new
            {
                p.FieldNumber,
                p.Number,
                p.Name,
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name).ToList(),
                Report = p.Key.YearEndReports.Where(r => r.Year == fiscalYear).Select(r => new { r.Status, r.ReviewComment }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var today = JapanTime.Today(clock);
        // The user's departments as named in this edition's year (the claims also hold the ones they succeeded).
        var departmentNames = await db.Departments.ActiveIn(fiscalYear).Where(d => departmentIds.Contains(d.Id)).Select(d => d.Name).ToListAsync(ct);

        return new MyPlansViewModel(
            context,
            departmentNames,
            edition.ReportDeadline,
            rows.Select(r =>
            {
                var status = r.Report?.Status ?? ReportStatus.NotStarted;
                return new MyPlanRow(new PlanNumber(r.FieldNumber, r.Number), r.Name, string.Join("、", r.Departments), status,
                    NextAction(status), r.Report?.ReviewComment, edition.IsLate(status, today));
            }).ToList())
        {
            Department = department,
            UploadLimit = uploadGuard.MaxFileText,
        };
    }

    public static string NextAction(ReportStatus status) => status switch
    {
        ReportStatus.NotStarted => "入力を始める",
        ReportStatus.Draft => "入力を続けて提出する",
        ReportStatus.Returned => "修正して再提出する",
        ReportStatus.Submitted => "企画課の確認待ち",
        ReportStatus.Accepted => "対応は不要です",
        _ => string.Empty,
    };
}

public sealed record MyPlanRow(PlanNumber Number, string Name, string Departments, ReportStatus Status, string NextAction, string? ReviewComment, bool IsLate)
{
    public bool NeedsAction => Status is ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned;
}

public sealed record MyPlansViewModel(EditionContext Context, IReadOnlyList<string> Departments, DateOnly? Deadline, IReadOnlyList<MyPlanRow> Rows)
{
    public string? YearRoute => Context.YearRoute;

    /// <summary>The department the 企画課 chose; null for a department editor's own page.</summary>
    public int? Department { get; init; }

    public bool Forbidden { get; init; }

    /// <summary>"2MB": the largest workbook an upload accepts.</summary>
    public string UploadLimit { get; init; } = string.Empty;
}
