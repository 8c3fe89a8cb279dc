using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>The files a milestone stored, as the 冊子 page and open data serve them: what was published, never rendered again.</summary>
public sealed class PublishedFileQuery(AppDbContext db)
{
    /// <summary>One stored file of a published edition, any revision (earlier ones stay downloadable after a 訂正); null when none.</summary>
    public async Task<PublishedFile?> StoredFileAsync(FiscalYear year, int id, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Where(e => e.Year == year && e.Status != EditionStatus.Draft)
            .SelectMany(e => e.Files).FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>The newest stored file of <paramref name="kind"/>, or null when the edition has not reached that milestone.</summary>
    public async Task<PublishedFile?> PublishedFileAsync(FiscalYear year, PublishedFormat format, PublishedKind kind, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Where(e => e.Year == year && e.Status != EditionStatus.Draft)
            .SelectMany(e => e.Files).Where(f => f.Format == format && f.Kind == kind)
            .OrderByDescending(f => f.Revision).FirstOrDefaultAsync(ct);
}
