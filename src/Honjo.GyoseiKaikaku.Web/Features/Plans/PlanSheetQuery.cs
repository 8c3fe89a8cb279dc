using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Plans;

/// <summary>Everything one plan sheet shows, for one edition.</summary>
public sealed class PlanSheetQuery(AppDbContext db, EditionResolver editions, IAuthorizationService authorization)
{
    public async Task<PlanSheetViewModel?> HandleAsync(PlanNumber number, string? year, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var context = await editions.ResolveAsync(year, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Field)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Cooperators).ThenInclude(c => c.Department)
            .Include(p => p.TextItems)
            .Include(p => p.YearTargets)
            .Include(p => p.SdgGoals)
            .Include(p => p.YearEndReports)
            .FirstOrDefaultAsync(p => p.FieldNumber == number.Field && p.Number == number.Number, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var entries = await db.Editions.Where(e => e.Id == context.Edition.Id).SelectMany(e => e.Entries)
            .Join(db.Plans, x => x.PlanId, p => p.Id, (x, p) => new { p.Id, p.FieldNumber, p.Number, x.Page })
            .OrderBy(x => x.FieldNumber).ThenBy(x => x.Number)
            .ToListAsync(cancellationToken);
        var index = entries.FindIndex(e => e.Id == plan.Id);
        if (index < 0)
        {
            return null;
        }

        PlanNumber? Neighbour(int i) => i >= 0 && i < entries.Count ? new PlanNumber(entries[i].FieldNumber, entries[i].Number) : null;

        // Drafts, submissions and returns are the department's and the 企画課's business; others see accepted results.
        var resource = new PlanResource(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());
        var mayReadReport = (await authorization.AuthorizeAsync(user, resource, PlanOperations.ReadReport)).Succeeded;
        var stored = plan.ReportFor(context.Year);
        var report = stored is not null && (mayReadReport || stored.Status == ReportStatus.Accepted) ? stored : null;
        var history = plan.YearEndReports
            .Where(r => r.Year < context.Year && r.Grade is not null && (mayReadReport || r.Status == ReportStatus.Accepted))
            .OrderBy(r => r.Year)
            .Select(r => new GradeHistoryEntry(r.Year, r.Grade!.Value))
            .ToList();

        return new PlanSheetViewModel(
            context,
            plan.PlanNumber,
            plan.Field.Title,
            plan.Name,
            plan.ExecutingDepartments.OrderBy(d => d.Order).Select(d => new DepartmentLink(d.DepartmentId, d.Department.Name)).ToList(),
            plan.Cooperators.OrderBy(c => c.Order)
                .Select(c => new CooperatorView(c.Label, c.DepartmentId)).ToList(),
            plan.CooperatorsOpenEnded,
            plan.StartYear,
            plan.TargetYear,
            plan.SdgGoals.Select(g => g.Goal).Order().ToList(),
            plan.Perspective,
            plan.Items(PlanTextSection.PolicyMeasure),
            plan.Items(PlanTextSection.CurrentSituation),
            plan.Items(PlanTextSection.Actions),
            plan.Items(PlanTextSection.Effects),
            context.OutlineYears.Select(y => new YearTargetView(y, Lines(plan.TargetFor(y)), plan.IsRunningIn(y))).ToList(),
            report?.StatusReport ?? string.Empty,
            report?.Grade,
            report?.NextYearPolicy ?? string.Empty,
            history,
            plan.Items(PlanTextSection.Remarks),
            entries[index].Page,
            Neighbour(index - 1),
            Neighbour(index + 1),
            mayReadReport ? stored?.Status ?? ReportStatus.NotStarted : null);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record CooperatorView(string Label, int? DepartmentId);

public sealed record YearTargetView(FiscalYear Year, IReadOnlyList<string> Lines, bool InPlanPeriod);

public sealed record GradeHistoryEntry(FiscalYear Year, EvaluationGrade Grade);

public sealed record PlanSheetViewModel(
    EditionContext Context,
    PlanNumber Number,
    string FieldTitle,
    string Name,
    IReadOnlyList<DepartmentLink> ExecutingDepartments,
    IReadOnlyList<CooperatorView> Cooperators,
    bool CooperatorsOpenEnded,
    FiscalYear StartYear,
    FiscalYear TargetYear,
    IReadOnlyList<int> SdgGoals,
    ReformPerspective Perspective,
    IReadOnlyList<string> PolicyMeasures,
    IReadOnlyList<string> CurrentSituation,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Effects,
    IReadOnlyList<YearTargetView> Targets,
    string StatusReport,
    EvaluationGrade? Grade,
    string NextYearPolicy,
    IReadOnlyList<GradeHistoryEntry> EarlierGrades,
    IReadOnlyList<string> Remarks,
    int Page,
    PlanNumber? Previous,
    PlanNumber? Next,
    ReportStatus? ReportStatus)
{
    public FiscalYear Year => Context.Year;

    /// <summary>"R6年度末の取組状況報告".</summary>
    public string StatusReportHeading => $"{Year.Code}年度末の取組状況報告";

    /// <summary>"R7年度に向けた取組方針".</summary>
    public string NextYearPolicyHeading => $"{Year.Next.Code}年度に向けた取組方針";
}
