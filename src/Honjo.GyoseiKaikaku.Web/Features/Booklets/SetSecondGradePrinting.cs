using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// The edition setting whether its booklet prints the 企画課's 二次評価 (ADR 0028): applies to the booklets made from now
/// on (downloads, the results at 実績の確定, a 訂正's revision); files already stored keep what they print.
/// </summary>
public sealed class SetSecondGradePrintingHandler(AppDbContext db)
{
    public async Task<UseCaseResult<Done>> HandleAsync(FiscalYear year, bool print, CancellationToken ct)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return UseCaseResult.NotFound<Done>();
        }

        try
        {
            edition.SetSecondGradePrinting(print);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult.Ok(Done.Value);
    }
}
