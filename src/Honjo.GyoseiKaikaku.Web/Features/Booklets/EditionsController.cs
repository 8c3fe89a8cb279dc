using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

[Route("booklets")]
public sealed class EditionsController(EditionsHandler editions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("~/Features/Booklets/Editions.cshtml", await editions.ListAsync(ct));

    [HttpPost("{year}/publish")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Publish(string year, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        string? error;
        try
        {
            error = await editions.PublishAsync(fy, ct);
        }
        catch (Exception e) when (e is PdfEngineUnavailableException or BookletPaginationException)
        {
            error = e.Message;
        }

        TempData[error is null ? "Notice" : "Error"] = error ?? $"{fy.JapaneseName}版を公表しました。公表したPDFとExcelは今後も同じ内容でダウンロードできます。";
        return Redirect("/booklets");
    }

    /// <summary>実績の確定: refused with the list of plans whose reports are not accepted yet.</summary>
    [HttpPost("{year}/close")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Close(string year, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        string? error;
        try
        {
            error = await editions.CloseAsync(fy, ct);
        }
        catch (Exception e) when (e is PdfEngineUnavailableException or BookletPaginationException)
        {
            error = e.Message;
        }

        TempData[error is null ? "Notice" : "Error"] = error ?? $"{fy.JapaneseName}の実績を確定しました。実績入りの冊子とオープンデータを公表しました。";
        return Redirect("/booklets");
    }
}
