using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

[Route("plans/{id}/edit")]
[Authorize(Policy = Policies.PlanningOffice)]
public sealed class PlanEditController(PlanEditHandler handler, NewPlanHandler newPlan, EndPlanHandler endPlan) : Controller
{
    /// <summary>完了・廃止・統合 as of the edition's year; refused in Japanese on the 編集 page's notice.</summary>
    [HttpPost("/plans/{id}/end")]
    public async Task<IActionResult> End(string id, [FromQuery] string? year, [FromForm] EndPlanRequest request, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var errors = ModelState.JapaneseErrors();
        var result = errors.Count > 0 ? UseCaseResult.Invalid<Done>(default, errors[0]) : await endPlan.EndAsync(number, year, request, ct);
        return this.Answer(
            result,
            ok: _ =>
            {
                TempData["Notice"] = $"計画{number}を終了しました（{request.Kind!.Value.DisplayName()}）。次の版には引き継がれません。";
                return RedirectToAction("Sheet", "Plans", new { id, year });
            },
            // Refused: the 編集 page says why.
            refused: refused =>
            {
                TempData["Error"] = refused.Error;
                return RedirectToAction(nameof(Edit), new { id, year });
            });
    }

    /// <summary>新規計画: the form to add a plan to a draft edition.</summary>
    [HttpGet("/plans/new")]
    public async Task<IActionResult> New([FromQuery] string? year, [FromQuery] int? field, CancellationToken ct)
    {
        return this.Answer(await newPlan.OpenAsync(year, field, ct), ok: page => View("New", page), refused: refused => View("New", refused.Value));
    }

    [HttpPost("/plans/new")]
    public async Task<IActionResult> Create([FromQuery] string? year, [FromForm] PlanEditRequest form, CancellationToken ct)
    {
        return this.Answer(
            await newPlan.CreateAsync(year, form, ct),
            ok: created =>
            {
                TempData["Notice"] = $"新しい計画{created.Number}を追加しました。";
                return RedirectToAction("Sheet", "Plans", new { id = created.Number.ToString(), year });
            },
            refused: refused => View("New", refused.Value));
    }

    /// <summary>The plan form; read-only once the edition is published, except as a 訂正 (<c>?correction=1</c>).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Edit(string id, [FromQuery] string? year, [FromQuery] string? correction, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await handler.OpenAsync(number, year, IsCorrection(correction), ct);
        return model is null ? this.PlanNotFound(number) : View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string id, [FromQuery] string? year, [FromQuery] string? correction, [FromForm] PlanEditRequest form, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        return this.Answer(
            await handler.SaveAsync(number, year, form, IsCorrection(correction), ct),
            ok: _ =>
            {
                TempData["Notice"] = IsCorrection(correction)
                    ? "計画を訂正しました。冊子を新しい版として公表し直しました（以前の版もダウンロードできます）。"
                    : "計画を保存しました。";
                return RedirectToAction("Sheet", "Plans", new { id = number.ToString(), year });
            },
            refused: refused => View("Edit", refused.Value));
    }

    /// <summary><c>?correction=1</c> (or <c>true</c>) opens the 訂正 mode.</summary>
    private static bool IsCorrection(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
