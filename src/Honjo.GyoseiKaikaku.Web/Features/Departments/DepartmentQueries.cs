using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Departments;

public sealed class DepartmentQueries(AppDbContext db, EditionResolver editions, ReorganizeHandler reorganize)
{
    public async Task<DepartmentListViewModel?> ListAsync(string? year, CancellationToken cancellationToken)
    {
        var context = await editions.ResolveAsync(year, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var plans = db.Plans.InEdition(context.Edition.Id);
        var shown = context.Year;
        var rows = await db.Departments.AsNoTracking().ActiveIn(shown)
            .Select(d => new DepartmentListRow(
                d.Id,
                d.Name,
                d.Kind,
                plans.Count(p => p.ExecutingDepartments.Any(x => x.DepartmentId == d.Id)),
                plans.Count(p => p.Cooperators.Any(x => x.DepartmentId == d.Id))))
            .ToListAsync(cancellationToken);
        var reorganizations = (await reorganize.ListAsync(cancellationToken)).Where(r => r.AsOfYear == shown).ToList();
        return new DepartmentListViewModel(context, rows, reorganizations);
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
            .InBookletOrder()
            .ToListRows(gradeYear)
            .ToListAsync(cancellationToken);

        var lineage = await db.Departments.AsNoTracking()
            .Where(d => d.Id == department.SuccessorId || d.SuccessorId == department.Id)
            .Select(d => new { d.Id, d.Name, d.SuccessorId, d.SucceededAsOf })
            .ToListAsync(cancellationToken);
        var successor = lineage.Where(d => d.Id == department.SuccessorId).Select(d => new DepartmentLink(d.Id, d.Name)).FirstOrDefault();
        var predecessors = lineage.Where(d => d.SuccessorId == department.Id && d.SucceededAsOf is not null)
            .Select(d => new DepartmentPredecessor(d.Id, d.Name, d.SucceededAsOf!.Value)).ToList();

        return new DepartmentViewModel(
            context,
            department.Id,
            department.Name,
            department.FromYear,
            department.SucceededAsOf,
            successor,
            predecessors,
            gradeYear,
            plans.Where(Executing).Select(Row).ToList(),
            plans.Where(p => !Executing(p)).Select(Row).ToList());

        // The row's departments are the plan's executing ones.
        bool Executing(PlanListRow p) => p.Departments.Any(d => d.Id == id);

        DepartmentPlanRow Row(PlanListRow p) => new(
            new PlanNumber(p.FieldNumber, p.Number), p.Name, p.Departments, p.StartYear, PlanKey.EndYearShownIn(p.EndedYear, p.EndedAt, context.Year, p.PublishedAt), p.Grade);
    }
}

public sealed record DepartmentListRow(int Id, string Name, DepartmentKind Kind, int ExecutingCount, int CooperatingCount);

/// <summary>The departments of an edition's year, and the 組織改正 that took effect that year.</summary>
public sealed record DepartmentListViewModel(EditionContext Context, IReadOnlyList<DepartmentListRow> Rows, IReadOnlyList<ReorganizationRow> Reorganizations);

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

/// <summary>
/// A department's page in an edition. <see cref="Successor"/> and <see cref="SucceededAsOf"/> say which department took
/// its place (組織改正); <see cref="Predecessors"/> the departments it took over.
/// </summary>
public sealed record DepartmentViewModel(
    EditionContext Context,
    int Id,
    string Name,
    FiscalYear? FromYear,
    FiscalYear? SucceededAsOf,
    DepartmentLink? Successor,
    IReadOnlyList<DepartmentPredecessor> Predecessors,
    FiscalYear GradeYear,
    IReadOnlyList<DepartmentPlanRow> Executing,
    IReadOnlyList<DepartmentPlanRow> Cooperating);

/// <summary>A department this one took over as of <see cref="AsOf"/>; its pages read as of the year before.</summary>
public sealed record DepartmentPredecessor(int Id, string Name, FiscalYear AsOf);

public sealed record DepartmentPlansSection(
    string Title,
    string Id,
    IReadOnlyList<DepartmentPlanRow> Rows,
    FiscalYear GradeYear,
    string? YearRoute);
