using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

[Route("plans/{id}/edit")]
[Authorize(Policy = Policies.PlanningOffice)]
public sealed class PlanEditController(PlanEditHandler handler) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(string id, [FromQuery] string? year, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await handler.OpenAsync(number, year, ct);
        return model is null ? this.PlanNotFound(number) : View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string id, [FromQuery] string? year, [FromForm] PlanEditRequest form, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var (found, invalid) = await handler.SaveAsync(number, year, form, ct);
        if (!found)
        {
            return NotFound();
        }

        if (invalid is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", invalid);
        }

        TempData["Notice"] = "計画を保存しました。";
        return RedirectToAction("Sheet", "Plans", new { id = number.ToString(), year });
    }
}
