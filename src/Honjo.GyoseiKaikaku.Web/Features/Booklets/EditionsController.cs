using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

[Route("booklets")]
public sealed class EditionsController(NextEditionHandler nextEdition, EditionChangesQuery changes) : Controller
{
    /// <summary>What changed against the previous edition: plans added, changed (計画変更) and ended.</summary>
    [HttpGet("{year}/changes")]
    public async Task<IActionResult> Changes(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy) && await changes.HandleAsync(fy, ct) is { } model
            ? View("~/Features/Booklets/Changes.cshtml", model)
            : NotFound();

    [HttpGet("{year}/changes.xlsx")]
    public async Task<IActionResult> ChangesWorkbook(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy) && await changes.HandleAsync(fy, ct) is { } model
            ? File(changes.Workbook(model), BookletExportService.ExcelType, $"本庄市行政改革大綱_{fy.JapaneseName}版_変更一覧.xlsx")
            : NotFound();

    /// <summary>The preview of the next edition made from <paramref name="year"/>: what carries over, what ends, what is still open.</summary>
    [HttpGet("{year}/next")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Next(string year, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy) || await nextEdition.PreviewAsync(fy, ct) is not { } model)
        {
            return NotFound();
        }

        if (model.Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return View("~/Features/Booklets/Next.cshtml", model);
    }

    /// <summary>Creates the next edition as a draft; posting the preview unchanged takes its defaults.</summary>
    [HttpPost("{year}/next")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> CreateNext(string year, [FromForm] NextEditionRequest request, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        var (model, created) = await nextEdition.CreateAsync(fy, request, ct);
        if (created is { } next)
        {
            TempData["Notice"] = $"{next.JapaneseName}版（案）を作成しました。計画の内容を確認し、必要な計画変更をしてから公表してください。";
            return RedirectToAction("Index", "Plans", new { year = next.Code });
        }

        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = model.Refusal is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return View("~/Features/Booklets/Next.cshtml", model);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditionListQuery editions, CancellationToken ct) =>
        View("~/Features/Booklets/Editions.cshtml", await editions.ListAsync(ct));

    [HttpPost("{year}/publish")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Publish(string year, [FromServices] PublishEditionHandler publish, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        var result = await publish.PublishAsync(fy, ct);
        return this.AnswerWithNotice(result, $"{fy.JapaneseName}版を公表しました。公表したPDFとExcelは今後も同じ内容でダウンロードできます。", RedirectToAction(nameof(Index)));
    }

    /// <summary>実績の確定: refused with the list of plans whose reports are not accepted yet.</summary>
    [HttpPost("{year}/close")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public async Task<IActionResult> Close(string year, [FromServices] CloseEditionHandler close, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        var result = await close.CloseAsync(fy, ct);
        return this.AnswerWithNotice(result, $"{fy.JapaneseName}の実績を確定しました。実績入りの冊子とオープンデータを公表しました。", RedirectToAction(nameof(Index)));
    }
}
