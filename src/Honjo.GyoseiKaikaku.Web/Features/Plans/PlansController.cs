using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Plans;

[Route("plans")]
public sealed class PlansController(PlanIndexQuery index, PlanSheetQuery sheet) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PlanIndexRequest request, CancellationToken cancellationToken)
    {
        var model = await index.HandleAsync(request, cancellationToken);
        return model is null ? this.NotFoundOrNothingPublished(request?.Year) : View(model);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Sheet(string id, [FromQuery] string? year, CancellationToken cancellationToken)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await sheet.HandleAsync(number, year, User, cancellationToken);
        return model is null ? this.PlanNotFound(number) : View(model);
    }
}
