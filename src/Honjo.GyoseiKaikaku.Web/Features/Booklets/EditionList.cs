using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public sealed record EditionFileView(
    int Id, PublishedKind Kind, PublishedFormat Format, int Revision, string FileName, string Sha256, long Size, DateTimeOffset CreatedAt);

/// <summary>A 訂正 as the edition's page lists it.</summary>
public sealed record CorrectionView(DateTimeOffset At, PlanNumber Plan, CorrectionKind Kind, string Reason, string By, int Revision);

public sealed record EditionRow(
    FiscalYear Year, string Title, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, IReadOnlyList<EditionFileView> Files)
{
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];
}

/// <summary>The editions with their stored files and 訂正 (the 冊子 page, and the editions a 404 names).</summary>
public sealed class EditionListQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<EditionRow>> ListAsync(CancellationToken ct)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt })
            .ToListAsync(ct);
        var files = await db.Set<PublishedFile>().AsNoTracking()
            .Select(f => new { f.Id, f.EditionId, Year = db.Editions.Where(e => e.Id == f.EditionId).Select(e => e.Year).First(), f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, Size = (long)f.Content.Length, f.CreatedAt })
            .ToListAsync(ct);
        var corrections = await db.Set<Correction>().AsNoTracking()
            .Select(c => new
            {
                Year = db.Editions.Where(e => e.Id == c.EditionId).Select(e => e.Year).First(),
                Key = db.PlanKeys.Where(k => k.Id == c.PlanKeyId).Select(k => new { k.FieldNumber, k.Number }).First(),
                c.At, c.Kind, c.Reason, c.By, c.Revision,
            })
            .ToListAsync(ct);
        return editions.Select(e => new EditionRow(e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt,
            files.Where(f => f.Year == e.Year).OrderBy(f => f.Kind).ThenByDescending(f => f.Revision).ThenBy(f => f.Format)
                .Select(f => new EditionFileView(f.Id, f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, f.Size, f.CreatedAt)).ToList())
        {
            Corrections = corrections.Where(c => c.Year == e.Year).OrderBy(c => c.At)
                .Select(c => new CorrectionView(c.At, new PlanNumber(c.Key.FieldNumber, c.Key.Number), c.Kind, c.Reason, c.By, c.Revision)).ToList(),
        }).ToList();
    }
}
