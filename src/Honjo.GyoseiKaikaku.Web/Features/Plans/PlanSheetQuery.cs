using Honjo.GyoseiKaikaku.Domain.Booklets;
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

        var plan = await db.Plans.AsNoTracking().WithWholeSheet().FindAsync(number, context.Edition.Id, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        // The edition's 目次 gives the booklet order (previous and next sheet) and the page the sheet prints on.
        var contents = await db.ContentsOfEditionAsync(context.Edition.Id, cancellationToken);
        var order = contents.Plans.ToList();
        var index = order.IndexOf(plan.PlanNumber);
        if (index < 0)
        {
            return null;
        }

        PlanNumber? Neighbour(int i) => i >= 0 && i < order.Count ? order[i] : null;

        // Drafts, submissions and returns are the department's and the 企画課's business; others see accepted results.
        var resource = new PlanResource(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());
        var mayReadReport = (await authorization.AuthorizeAsync(user, resource, PlanOperations.ReadReport)).Succeeded;
        var stored = plan.ReportFor(context.Year);
        var sheetView = BookletSheet.From(plan, context.OutlineYears.ToList(), context.Year, contents.PageOf(plan.PlanNumber), includeUnaccepted: mayReadReport);
        var departmentIds = plan.ExecutingDepartments.Select(d => d.Department)
            .Concat(plan.Cooperators.Where(c => c.Department is not null).Select(c => c.Department!))
            .DistinctBy(d => d.Id)
            .ToDictionary(d => d.Name, d => d.Id, StringComparer.Ordinal);

        return new PlanSheetViewModel(
            context,
            sheetView,
            departmentIds,
            Neighbour(index - 1),
            Neighbour(index + 1),
            mayReadReport ? stored?.Status ?? ReportStatus.NotStarted : null);
    }
}

public sealed record PlanSheetViewModel(
    EditionContext Context,
    BookletSheet Sheet,
    IReadOnlyDictionary<string, int> DepartmentIds,
    PlanNumber? Previous,
    PlanNumber? Next,
    ReportStatus? ReportStatus)
{
    public PlanNumber Number => Sheet.Number;

    public string Name => Sheet.Name;

    public FiscalYear Year => Context.Year;
}
