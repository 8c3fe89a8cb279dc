using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// Editions larger than R6, made from its sheets, for what the 56-plan source booklet cannot show: a 目次 of three or
/// more pages, and fields that carry on over several pages.
/// </summary>
public static class LargerBooklets
{
    /// <summary>
    /// <paramref name="booklet"/> with <paramref name="plansPerField"/>[i] plans in its i-th field: that field's sheets
    /// repeated in order and renumbered 1, 2, 3…, then paginated as a reader would.
    /// </summary>
    public static BookletDocument Enlarge(BookletDocument booklet, params int[] plansPerField)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        ArgumentNullException.ThrowIfNull(plansPerField);
        var fields = booklet.Fields
            .Select((f, i) => f with
            {
                Sheets = Enumerable.Range(0, plansPerField[i])
                    .Select(n => f.Sheets[n % f.Sheets.Count] with { Number = new PlanNumber(f.Number, n + 1) })
                    .ToList(),
            })
            .ToList();
        return (booklet with { Fields = fields }).Paginate();
    }

    /// <summary><paramref name="booklet"/> with each field's plans repeated <paramref name="times"/> times.</summary>
    public static BookletDocument Repeat(BookletDocument booklet, int times)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        return Enlarge(booklet, booklet.Fields.Select(f => f.Sheets.Count * times).ToArray());
    }
}
