using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>Set on a 404 about plan <see cref="Number"/>, so the 404 page can name the editions that hold the plan.</summary>
public sealed record MissingPlanFeature(PlanNumber Number);

public static class MissingPlanResults
{
    /// <summary>
    /// 404 for plan <paramref name="number"/> in the edition the request names (<c>?year=</c>, else the default one). The
    /// status-code page then links to the same page in the editions that have the plan; an unknown number stays a plain 404.
    /// </summary>
    public static NotFoundResult PlanNotFound(this ControllerBase controller, PlanNumber number)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.HttpContext.Features.Set(new MissingPlanFeature(number));
        return controller.NotFound();
    }
}

public sealed record EditionLink(EditionSummary Edition, string Url);

/// <summary>The 404 page's explanation: what is missing (<see cref="Heading"/>) and where to look instead.</summary>
public sealed record NotInEditionModel(string Heading, string LinksLead, IReadOnlyList<EditionLink> Links);

/// <summary>
/// What a 404 about an edition says. A plan asked for in an edition without a version of it (ended before, added
/// after): the same page in the editions that have it. A <c>?year=</c> naming no edition: the same page in the editions
/// there are. Null for every other 404 (the plain page).
/// </summary>
public sealed class NotInEditionQuery(AppDbContext db, EditionResolver editions)
{
    private const int MaxEchoedYearLength = 12;

    public async Task<NotInEditionModel?> HandleAsync(string path, string? queryString, PlanNumber? plan, CancellationToken ct)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        var year = query.TryGetValue("year", out var values) ? values.ToString() : null;
        var all = await editions.ListAsync(ct);
        var asked = EditionResolver.Select(all, year);
        if (all.Count == 0)
        {
            return null;
        }

        if (plan is { } number)
        {
            var holding = await db.EditionYearsHoldingAsync(number, ct);
            if (holding.Count == 0 || (asked is not null && holding.Contains(asked.Year)))
            {
                // No such plan at all, or the plan is in that edition and the 404 is about something else.
                return null;
            }

            var links = Links(all.Where(e => holding.Contains(e.Year)), path, query);
            return asked is null
                ? new NotInEditionModel($"{NoSuchEdition(year)}はありません", "この計画が載っている版：", links)
                : new NotInEditionModel($"この計画は{asked.Name}にはありません", "この計画が載っている版：", links);
        }

        return asked is null
            ? new NotInEditionModel($"{NoSuchEdition(year)}はありません", "次の版があります：", Links(all, path, query))
            : null;
    }

    private static string NoSuchEdition(string? year) =>
        FiscalYear.TryParse(year, out var fy)
            ? $"{fy.JapaneseName}版"
            : $"「{(year!.Length > MaxEchoedYearLength ? year[..MaxEchoedYearLength] + "…" : year)}」という版";

    /// <summary>The same address in each edition, oldest first: only <c>year</c> changes, the other parameters stay.</summary>
    private static List<EditionLink> Links(IEnumerable<EditionSummary> editions, string path, Dictionary<string, StringValues> query) =>
        editions.OrderBy(e => e.Year)
            .Select(e =>
            {
                var parameters = new Dictionary<string, StringValues>(query, StringComparer.OrdinalIgnoreCase) { ["year"] = e.Year.Code };
                return new EditionLink(e, path + QueryString.Create(parameters));
            })
            .ToList();
}
