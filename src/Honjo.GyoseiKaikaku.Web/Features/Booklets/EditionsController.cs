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
    public Task<IActionResult> CreateNext(string year, [FromForm] NextEditionRequest request, CancellationToken ct) =>
        ForYear(year, async fy => this.Answer(
            await nextEdition.CreateAsync(fy, request, ct),
            ok: made =>
            {
                TempData["Notice"] = $"{made.To.JapaneseName}版（案）を作成しました。計画の内容を確認し、必要な計画変更をしてから公表してください。";
                return RedirectToAction("Index", "Plans", new { year = made.To.Code });
            },
            refused: refused => View("~/Features/Booklets/Next.cshtml", refused.Value)));

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditionListQuery editions, CancellationToken ct)
    {
        var rows = await editions.ListAsync(ct);

        // A 審議会委員 is shown published editions only (ADR 0029).
        return View("~/Features/Booklets/Editions.cshtml", Council.CouncilSetup.SeesPublishedEditionsOnly(User)
            ? rows.Where(r => r.Status != Domain.Editions.EditionStatus.Draft).ToList()
            : rows);
    }

    [HttpPost("{year}/publish")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public Task<IActionResult> Publish(string year, [FromServices] PublishEditionHandler publish, CancellationToken ct) =>
        AnswerOnEditions(year, fy => publish.PublishAsync(fy, ct), fy => $"{fy.JapaneseName}版を公表しました。公表したPDFとExcelは今後も同じ内容でダウンロードできます。");

    /// <summary>
    /// The 公表 or 確定 of an edition now running, as JSON for the page of whoever waits (ADR 0032): which work, how
    /// far its files are, seconds since it started; "idle" when none runs. For the 企画課, who may start it.
    /// </summary>
    [HttpGet("{year}/publishing")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public IActionResult PublishingStatus(string year, [FromServices] PublishingGate gate)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        var status = gate.Status(fy);
        return Json(new
        {
            state = status is null ? "idle" : "running",
            work = status?.Work,
            elapsedSeconds = status is null ? 0 : gate.SecondsSince(status),
            done = status?.Progress?.Done ?? 0,
            total = status?.Progress?.Total ?? 0,
            step = status?.Progress?.Step,
        });
    }

    /// <summary>The edition setting: print the 企画課's 二次評価 in the booklet (ADR 0028); off by default.</summary>
    [HttpPost("{year}/second-grade")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public Task<IActionResult> SecondGradePrinting(string year, [FromForm] bool print, [FromServices] SetSecondGradePrintingHandler setting, CancellationToken ct) =>
        AnswerOnEditions(year, fy => setting.HandleAsync(fy, print, ct), fy => print
            ? $"{fy.JapaneseName}版の冊子に企画課の二次評価を載せます（これから作る冊子から）。"
            : $"{fy.JapaneseName}版の冊子には二次評価を載せません（部署の評価だけを原本どおりに載せます）。");

    /// <summary>実績の確定: refused with the list of plans whose reports are not accepted yet.</summary>
    [HttpPost("{year}/close")]
    [Authorize(Policy = Policies.PlanningOffice)]
    public Task<IActionResult> Close(string year, [FromServices] CloseEditionHandler close, CancellationToken ct) =>
        AnswerOnEditions(year, fy => close.CloseAsync(fy, ct), fy => $"{fy.JapaneseName}の実績を確定しました。実績入りの冊子とオープンデータを公表しました。");

    /// <summary>Runs <paramref name="action"/> for the edition year the route names (「R6」); 404 when it names none.</summary>
    private async Task<IActionResult> ForYear(string year, Func<FiscalYear, Task<IActionResult>> action) =>
        FiscalYear.TryParse(year, out var fy) ? await action(fy) : NotFound();

    /// <summary>
    /// A change to the edition the route names, answered on the editions page: <paramref name="notice"/> when done,
    /// the refusal's messages when refused, 404 for a year that names none.
    /// </summary>
    private Task<IActionResult> AnswerOnEditions<T>(string year, Func<FiscalYear, Task<UseCaseResult<T>>> change, Func<FiscalYear, string> notice) =>
        ForYear(year, async fy => this.AnswerWithNotice(await change(fy), notice(fy), RedirectToAction(nameof(Index))));
}
