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
        var sheetView = BookletSheet.From(plan, context.OutlineYears.ToList(), context.Year, entries[index].Page, includeUnaccepted: mayReadReport);
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
