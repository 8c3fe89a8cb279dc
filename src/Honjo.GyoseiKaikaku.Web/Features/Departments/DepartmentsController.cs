using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Departments;

[Route("departments")]
public sealed class DepartmentsController(DepartmentQueries queries, ReorganizeHandler reorganize) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? year, CancellationToken cancellationToken)
    {
        var model = await queries.ListAsync(year, cancellationToken);
        return model is null ? this.NotFoundOrNothingPublished(year) : View(model);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromQuery] string? year, CancellationToken cancellationToken)
    {
        var model = await queries.DetailAsync(id, year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>組織改正 as of the edition's year: the form, and the reorganizations recorded so far.</summary>
    [HttpGet("reorganize")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Reorganize([FromQuery] string? year, CancellationToken ct)
    {
        var model = await reorganize.FormAsync(year, null, [], ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("reorganize")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Reorganize([FromQuery] string? year, [FromForm] ReorganizeRequest form, CancellationToken ct)
    {
        var errors = ModelState.JapaneseErrors();
        var result = errors.Count > 0
            ? UseCaseResult.Invalid<Done>(default, errors[0])
            : await reorganize.ReorganizeAsync(year, form, User.DisplayName(), ct);
        return await this.AnswerAsync(
            result,
            ok: _ =>
            {
                TempData["Notice"] = "組織改正を登録しました。この版の計画と担当者は新しい部署に移りました。";
                return RedirectToAction(nameof(Index), new { year });
            },
            // Nothing was recorded: the page shows what is stored and what the user typed.
            refused: async refused => View(await reorganize.FormAsync(year, form, refused.Errors, ct)));
    }
}
