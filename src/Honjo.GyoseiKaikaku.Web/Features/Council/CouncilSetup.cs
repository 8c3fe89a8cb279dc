using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

public static class CouncilSetup
{
    public static IServiceCollection AddCouncil(this IServiceCollection services)
    {
        services.AddScoped<CouncilQueries>();
        services.AddScoped<CouncilCommands>();
        services.AddScoped<CouncilExports>();
        services.AddScoped<DraftEditionGate>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<DraftEditionGate>());
        return services;
    }

    /// <summary>Whether <paramref name="user"/> is kept to published editions: a 審議会委員 who holds no other role.</summary>
    public static bool SeesPublishedEditionsOnly(System.Security.Claims.ClaimsPrincipal? user) =>
        user is not null
        && user.IsInRole(AppRoles.CouncilMember)
        && !user.IsInRole(AppRoles.PlanningOffice)
        && !user.IsInRole(AppRoles.DepartmentEditor);
}

/// <summary>
/// A 審議会委員 reads published editions only: a request that names a draft edition — <c>?year=R7</c> on any page, or
/// <c>/booklets/R7.pdf</c>, <c>/booklets/R7/changes</c> in the route — is answered 404, as for a year that has no
/// edition. (The default edition and the header's selector leave drafts out for them: <see cref="Shared.EditionResolver"/>.)
/// </summary>
public sealed class DraftEditionGate(AppDbContext db) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (CouncilSetup.SeesPublishedEditionsOnly(context.HttpContext.User))
        {
            var named = context.RouteData.Values.TryGetValue("year", out var route) && route is string r ? r : context.HttpContext.Request.Query["year"].ToString();
            if (FiscalYear.TryParse(named, out var year) && await HidesAsync(context.HttpContext.User, year, context.HttpContext.RequestAborted))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }

    /// <summary>Whether <paramref name="user"/> is kept from <paramref name="year"/>'s edition (a draft, for a 審議会委員).</summary>
    public async Task<bool> HidesAsync(System.Security.Claims.ClaimsPrincipal user, FiscalYear year, CancellationToken ct) =>
        CouncilSetup.SeesPublishedEditionsOnly(user)
        && await db.Editions.AsNoTracking().AnyAsync(e => e.Year == year && e.Status == EditionStatus.Draft, ct);
}
