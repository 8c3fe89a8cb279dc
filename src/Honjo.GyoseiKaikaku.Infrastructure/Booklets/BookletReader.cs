using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets;

/// <summary>Loads an edition's plans in booklet order and numbers the pages as the printed booklet will (<see cref="BookletContents"/>).</summary>
public sealed class BookletReader(AppDbContext db) : IBookletReader
{
    public async Task<BookletDocument?> ReadAsync(FiscalYear year, BookletStage stage, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var outline = await db.OutlineAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().WithWholeSheet().InEdition(edition.Id)
            .InBookletOrder()
            .ToListAsync(cancellationToken);
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.Number).ToListAsync(cancellationToken);
        var years = outline.Years.ToList();

        // Pages are numbered once the sheets are known: they follow from the 目次's pagination (Paginate), not from storage.
        var sheets = plans.Select(p => BookletSheet.From(p, years, year, page: 0, includeUnaccepted: false, stage, withSecondGrades: edition.PrintsSecondGrade)).ToList();
        var bookletFields = fields
            .Select(f => new BookletField(f.Number, f.Name, 0, sheets.Where(s => s.Number.Field == f.Number).ToList()))
            .Where(f => f.Sheets.Count > 0)
            .ToList();

        return new BookletDocument(
            outline.Title, outline.Theme, outline.PeriodLabel, edition.Year, edition.IsPlanLocked ? edition.PublishedTitle : edition.Title, edition.IssuedLabel, years, bookletFields)
            .Paginate();
    }
}
