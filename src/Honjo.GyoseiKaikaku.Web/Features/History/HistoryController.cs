using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.History;

/// <summary>The 履歴 tab of a plan.</summary>
[Route("plans/{id}/history")]
public sealed class HistoryController(PlanHistoryQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string id, [FromQuery] string? year, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await query.HandleAsync(number, year, page, User, ct);
        return model is null ? this.PlanNotFound(number) : View(model);
    }
}
