using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Progress;

[Route("progress")]
[Authorize(Policy = Policies.PlanningOffice)]
public sealed class ProgressController(ProgressQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProgressRequest request, CancellationToken ct)
    {
        var model = await query.HandleAsync(request, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("deadline")]
    public async Task<IActionResult> Deadline([FromForm] DeadlineRequest request, [FromServices] SetDeadlineHandler deadline, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = "提出期限の日付を正しく入力してください。";
            return RedirectToAction(nameof(Index));
        }

        var result = await deadline.SetDeadlineAsync(request, ct);
        var notice = request.Deadline is { } d ? $"提出期限を{JapanTime.Date(d)}に設定しました。" : "提出期限を解除しました。";
        return this.AnswerWithNotice(result, notice, RedirectToAction(nameof(Index), new { year = string.IsNullOrEmpty(request.Year) ? null : request.Year }));
    }
}
