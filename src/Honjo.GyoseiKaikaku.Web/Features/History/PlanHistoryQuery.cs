using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.History;

public sealed record HistoryRow(DateTimeOffset At, string UserName, int? Year, string Field, string Before, string After);

public sealed record HistoryViewModel(
    EditionContext Context, PlanNumber Number, string PlanName, IReadOnlyList<HistoryRow> Rows, int Page, int PageCount, bool IncludesReports)
{
    /// <summary>The report threads of every year (the department and the 企画課 only), oldest first.</summary>
    public IReadOnlyList<Reports.ThreadEntry> Thread { get; init; } = [];

    public string? YearRoute => Context.YearRoute;
}

/// <summary>The 履歴 tab: read-only. Changes to year-end records are shown only to those who may read them.</summary>
public sealed class PlanHistoryQuery(AppDbContext db, EditionResolver editions, IAuthorizationService authorization, Reports.ReportThreadQuery threads)
{
    public const int PageSize = 30;

    public async Task<HistoryViewModel?> HandleAsync(PlanNumber number, string? year, int page, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        if (context is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().InEdition(context.Edition.Id)
            .Where(p => p.FieldNumber == number.Field && p.Number == number.Number)
            .Select(p => new { p.Id, p.PlanKeyId, p.Name, Departments = p.ExecutingDepartments.Select(d => d.DepartmentId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var mayReadReports = (await authorization.AuthorizeAsync(user, new PlanResource(plan.Id, plan.Departments), PlanOperations.ReadReport)).Succeeded;
        // The plan's whole history, every edition: its versions' changes and its reports'.
        var entries = db.History.AsNoTracking().Where(h => h.PlanKeyId == plan.PlanKeyId);
        if (!mayReadReports)
        {
            entries = entries.Where(h => h.Year == null);
        }

        var count = await entries.CountAsync(ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await entries.OrderByDescending(h => h.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(h => new HistoryRow(h.At, h.UserName, h.Year, h.Field, h.Before, h.After))
            .ToListAsync(ct);
        var resource = new PlanResource(plan.Id, plan.Departments);
        var mayReadThread = (await authorization.AuthorizeAsync(user, resource, PlanOperations.EditReport)).Succeeded;
        return new HistoryViewModel(context, number, plan.Name, rows, page, pageCount, mayReadReports)
        {
            Thread = mayReadThread ? await threads.ForAsync(plan.PlanKeyId, null, ct) : [],
        };
    }
}
