using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// The workbook of a department's plans for an edition's year, to fill in offline: every plan the departments
/// execute in that year, each checked against the department rule like a report page.
/// </summary>
public sealed class WorkbookDownloadQuery(
    AppDbContext db,
    EditionResolver editions,
    IAuthorizationService authorization,
    IDepartmentWorkbookWriter writer,
    TimeProvider clock)
{
    public Task<UseCaseResult<WorkbookFile>> HandleAsync(WorkbookDownloadRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return editions.RunAsync(request.Year, context => HandleAsync(context, request, user, ct), ct);
    }

    private async Task<UseCaseResult<WorkbookFile>> HandleAsync(EditionContext context, WorkbookDownloadRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var departmentIds = DepartmentScope.Resolve(user, request.Department);
        if (departmentIds is null)
        {
            return UseCaseResult.Forbidden<WorkbookFile>();
        }

        var departments = await db.Departments.AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).OrderBy(d => d.SortOrder)
            .Select(d => new WorkbookDepartment(d.Id, d.Name)).ToListAsync(ct);
        if (departments.Count == 0)
        {
            return UseCaseResult.NotFound<WorkbookFile>();
        }

        var year = context.Year;
        var plans = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .InEdition(context.Edition.Id)
            .RunningIn(year)
            .Where(p => p.ExecutingDepartments.Any(d => departmentIds.Contains(d.DepartmentId)))
            .InBookletOrder()
            .ToListAsync(ct);

        var sheets = new List<WorkbookPlan>();
        foreach (var plan in plans)
        {
            var resource = PlanResource.Of(plan);
            if ((await authorization.AuthorizeAsync(user, resource, PlanOperations.EditReport)).Succeeded)
            {
                sheets.Add(ToSheet(plan, year));
            }
        }

        var workbook = new DepartmentWorkbook(
            year, departments, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, user.DisplayName(), clock.GetUtcNow(), sheets);
        var fileName = $"年度末報告_{year.Code}_{string.Join("・", departments.Select(d => d.Name))}.xlsx";
        return UseCaseResult.Ok(new WorkbookFile(writer.Write(workbook), fileName));
    }

    /// <summary>The sheet of <paramref name="plan"/> as it stands: also what an upload is compared with.</summary>
    public static WorkbookPlan ToSheet(Plan plan, Domain.Common.FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var report = plan.ReportFor(year);
        return new WorkbookPlan(
            plan.Id,
            plan.PlanNumber,
            plan.Version,
            ContentOf(plan, year),
            report?.Version ?? 0,
            report?.Status ?? ReportStatus.NotStarted,
            report is null ? WorkbookInputs.Empty : new WorkbookInputs(report.StatusReport, report.Grade?.ToString() ?? string.Empty, report.NextYearPolicy));
    }

    public static WorkbookPlanContent ContentOf(Plan plan, Domain.Common.FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Name, plan.ExecutingDepartmentsText, plan.TargetFor(year));
    }
}
