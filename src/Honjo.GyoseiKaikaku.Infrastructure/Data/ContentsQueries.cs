using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>The 目次 of an edition for screens that show page numbers without reading the whole booklet.</summary>
public static class ContentsQueries
{
    /// <summary>
    /// The edition's 目次 paginated exactly as the printed booklet (<see cref="BookletContents"/>): it reads only what
    /// the layout depends on — each plan's number, name and executing departments — so the 頁 a screen shows is the
    /// page the PDF prints, and no page number is stored anywhere to drift.
    /// </summary>
    public static async Task<BookletContents> ContentsOfEditionAsync(this AppDbContext db, int editionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await db.Plans.AsNoTracking().InEdition(editionId).InBookletOrder()
            .Select(p => new
            {
                p.FieldNumber,
                p.Number,
                p.Name,
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name).ToList(),
            })
            .ToListAsync(ct);
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.Number).ToListAsync(ct);

        return BookletContents.Paginate(fields
            .Select(f => new ContentsField(
                f.Number,
                f.Title,
                plans.Where(p => p.FieldNumber == f.Number)
                    .Select(p => new ContentsLine(new PlanNumber(p.FieldNumber, p.Number), p.Name, string.Join("、", p.Departments)))
                    .ToList()))
            .ToList());
    }
}
