using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>
/// Which booklet edition a request is about: the one named by <c>?year=R6</c>, else the newest published one (a next
/// edition being prepared as 案 is reached with <c>?year=</c> until its plan is published), else the newest.
/// </summary>
public sealed class EditionResolver(AppDbContext db, IHttpContextAccessor? http = null)
{
    /// <summary>Every edition, newest first (a 審議会委員 sees published ones only: ADR 0029).</summary>
    public Task<List<EditionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var publishedOnly = Council.CouncilSetup.SeesPublishedEditionsOnly(http?.HttpContext?.User);
        return db.Editions.AsNoTracking()
            .Where(e => !publishedOnly || e.Status != EditionStatus.Draft)
            .OrderByDescending(e => e.Year)
            .Select(e => new EditionSummary(e.Id, e.Year, e.Title, e.Status))
            .ToListAsync(cancellationToken);
    }

    public async Task<EditionContext?> ResolveAsync(string? year, CancellationToken cancellationToken)
    {
        var editions = await ListAsync(cancellationToken);
        if (Select(editions, year) is not { } selected)
        {
            return null;
        }

        var outline = await db.OutlineAsync(cancellationToken);
        return new EditionContext(selected, editions, outline.Title, outline.Theme, outline.StartYear, outline.EndYear);
    }

    /// <summary>
    /// Where a use case on an edition starts: resolves the edition <paramref name="year"/> names and runs
    /// <paramref name="useCase"/> in it, or answers NotFound when it names none.
    /// </summary>
    public async Task<UseCaseResult<T>> RunAsync<T>(string? year, Func<EditionContext, Task<UseCaseResult<T>>> useCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        return await ResolveAsync(year, cancellationToken) is { } context ? await useCase(context) : UseCaseResult.NotFound<T>();
    }

    /// <summary>The edition <paramref name="year"/> names (null when none has that year), or the default one when it names none.</summary>
    public static EditionSummary? Select(IReadOnlyList<EditionSummary> editions, string? year)
    {
        ArgumentNullException.ThrowIfNull(editions);
        if (string.IsNullOrWhiteSpace(year))
        {
            return editions.FirstOrDefault(e => e.Status != EditionStatus.Draft) ?? (editions.Count > 0 ? editions[0] : null);
        }

        return FiscalYear.TryParse(year, out var fy) ? editions.FirstOrDefault(e => e.Year == fy) : null;
    }
}

public sealed record EditionSummary(int Id, FiscalYear Year, string Title, EditionStatus Status)
{
    public string Name => $"{Year.JapaneseName}版";

    /// <summary>The name with its state, as the edition selector lists it: 令和7年度版（案）.</summary>
    public string NameWithStatus => $"{Name}（{Status.DisplayName()}）";
}

public sealed record EditionContext(
    EditionSummary Edition,
    IReadOnlyList<EditionSummary> AllEditions,
    string OutlineTitle,
    string Theme,
    FiscalYear OutlineStart,
    FiscalYear OutlineEnd)
{
    public FiscalYear Year => Edition.Year;

    /// <summary>The year whose grades the booklet shows as "the last result": the year before the edition's.</summary>
    public FiscalYear LastGradedYear => Year > OutlineStart ? Year.Previous : Year;

    public IEnumerable<FiscalYear> OutlineYears => FiscalYear.Range(OutlineStart, OutlineEnd);

    public bool HasSeveralEditions => AllEditions.Count > 1;

    /// <summary>
    /// The edition as the <c>year</c> route value of a link (<c>asp-route-year</c>, <c>Url.Action</c>): null while there
    /// is one edition, so links then carry no <c>?year=</c>.
    /// </summary>
    public string? YearRoute => HasSeveralEditions ? Year.Code : null;
}
