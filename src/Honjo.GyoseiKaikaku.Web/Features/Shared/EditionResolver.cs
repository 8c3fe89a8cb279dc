using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>
/// Which booklet edition a request is about: the one named by <c>?year=R6</c>, else the newest published one (a next
/// edition being prepared as 案 is reached with <c>?year=</c> until its plan is published), else the newest.
/// </summary>
public sealed class EditionResolver(AppDbContext db)
{
    public async Task<EditionContext?> ResolveAsync(string? year, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.Year)
            .Select(e => new EditionSummary(e.Id, e.Year, e.Title, e.Status))
            .ToListAsync(cancellationToken);
        if (editions.Count == 0)
        {
            return null;
        }

        EditionSummary? selected;
        if (string.IsNullOrWhiteSpace(year))
        {
            selected = editions.FirstOrDefault(e => e.Status != Domain.Editions.EditionStatus.Draft) ?? editions[0];
        }
        else
        {
            selected = FiscalYear.TryParse(year, out var fy) ? editions.FirstOrDefault(e => e.Year == fy) : null;
            if (selected is null)
            {
                return null;
            }
        }

        var outline = await db.OutlineAsync(cancellationToken);
        return new EditionContext(selected, editions, outline.Title, outline.Theme, outline.StartYear, outline.EndYear);
    }
}

public sealed record EditionSummary(int Id, FiscalYear Year, string Title, Domain.Editions.EditionStatus Status)
{
    public string Name => $"{Year.JapaneseName}版";
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
}
