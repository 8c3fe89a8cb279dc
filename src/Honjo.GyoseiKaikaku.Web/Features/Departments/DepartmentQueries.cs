using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Departments;

public sealed class DepartmentQueries(AppDbContext db, EditionResolver editions)
{
    public async Task<DepartmentListViewModel?> ListAsync(string? year, CancellationToken cancellationToken)
    {
        var context = await editions.ResolveAsync(year, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var plans = db.Plans.InEdition(context.Edition.Id);
        var rows = await db.Departments.AsNoTracking()
            .OrderBy(d => d.SortOrder)
            .Select(d => new DepartmentListRow(
                d.Id,
                d.Name,
                d.Kind,
                plans.Count(p => p.ExecutingDepartments.Any(x => x.DepartmentId == d.Id)),
                plans.Count(p => p.Cooperators.Any(x => x.DepartmentId == d.Id))))
            .ToListAsync(cancellationToken);
        return new DepartmentListViewModel(context, rows);
    }

    public async Task<DepartmentViewModel?> DetailAsync(int id, string? year, CancellationToken cancellationToken)
    {
        var context = await editions.ResolveAsync(year, cancellationToken);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (context is null || department is null)
        {
            return null;
        }

        var editionId = context.Edition.Id;
        var gradeYear = context.LastGradedYear;
        var plans = await db.Plans.AsNoTracking().InEdition(editionId)
            .Where(p => p.ExecutingDepartments.Any(x => x.DepartmentId == id) || p.Cooperators.Any(x => x.DepartmentId == id))
            .OrderBy(p => p.FieldNumber).ThenBy(p => p.Number)
            .Select(p => new
            {
                p.FieldNumber,
                p.Number,
                p.Name,
                p.StartYear,
                p.Key.EndedYear,
                Executing = p.ExecutingDepartments.Any(x => x.DepartmentId == id),
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => new DepartmentLink(d.DepartmentId, d.Department.Name)).ToList(),
                Grade = p.Key.YearEndReports.Where(r => r.Year == gradeYear).Select(r => r.Grade).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new DepartmentViewModel(
            context,
            department.Id,
            department.Name,
            gradeYear,
            plans.Where(p => p.Executing).Select(p => new DepartmentPlanRow(new PlanNumber(p.FieldNumber, p.Number), p.Name, p.Departments, p.StartYear, p.EndedYear, p.Grade)).ToList(),
            plans.Where(p => !p.Executing).Select(p => new DepartmentPlanRow(new PlanNumber(p.FieldNumber, p.Number), p.Name, p.Departments, p.StartYear, p.EndedYear, p.Grade)).ToList());
    }
}

public sealed record DepartmentListRow(int Id, string Name, DepartmentKind Kind, int ExecutingCount, int CooperatingCount);

public sealed record DepartmentListViewModel(EditionContext Context, IReadOnlyList<DepartmentListRow> Rows);

/// <summary>
/// A plan of a department's page. <see cref="EndYear"/> is the 終了 column: the year the plan ended (完了・廃止), blank
/// while it runs; plans record no end yet (ADR 0016), so it is null — never the 達成目標年度.
/// </summary>
public sealed record DepartmentPlanRow(
    PlanNumber Number,
    string Name,
    IReadOnlyList<DepartmentLink> ExecutingDepartments,
    FiscalYear StartYear,
    FiscalYear? EndYear,
    EvaluationGrade? LastGrade);

public sealed record DepartmentViewModel(
    EditionContext Context,
    int Id,
    string Name,
    FiscalYear GradeYear,
    IReadOnlyList<DepartmentPlanRow> Executing,
    IReadOnlyList<DepartmentPlanRow> Cooperating);

public sealed record DepartmentPlansSection(
    string Title,
    string Id,
    IReadOnlyList<DepartmentPlanRow> Rows,
    FiscalYear GradeYear,
    string YearParam);
