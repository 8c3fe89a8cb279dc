using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

[Route("plans/{id}/report")]
public sealed class ReportsController(YearEndReportHandler handler, ReportThreadQuery threads, Start.InboxQuery inbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(string id, [FromQuery] string? year, [FromQuery] string? queue, [FromQuery] int? qdept, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var outcome = await handler.OpenAsync(number, year, User, ct);
        return outcome.Kind == ReportOutcomeKind.NotFound ? this.PlanNotFound(number) : await RenderAsync(outcome, ReviewInbox.From(queue, qdept), ct);
    }

    /// <summary>A message in the report's thread (the department or the 企画課).</summary>
    [HttpPost("comments")]
    public async Task<IActionResult> Comment(string id, [FromForm] CommentRequest request, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var outcome = await handler.CommentAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        if (outcome.Kind != ReportOutcomeKind.Ok)
        {
            return await RenderAsync(outcome, null, ct);
        }

        TempData["Notice"] = "コメントを送りました。";
        return Redirect(Url.Action(nameof(Edit), new { id = number.ToString(), year = string.IsNullOrEmpty(request.Year) ? null : request.Year }) + "#thread");
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string id, [FromForm] ReportFormRequest request, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var outcome = await handler.SaveAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        return outcome.Kind == ReportOutcomeKind.Ok
            ? Done(number, request.Year, request.Command == ReportCommand.Submit ? "報告を提出しました。企画課の確認をお待ちください。" : "下書きを保存しました。")
            : await RenderAsync(outcome, null, ct);
    }

    /// <summary>訂正 of a closed year's report (企画課, with a reason); the results booklet is published again.</summary>
    [HttpPost("correct")]
    public async Task<IActionResult> Correct(string id, [FromForm] ReportCorrectionRequest request, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var outcome = await handler.CorrectAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        return outcome.Kind == ReportOutcomeKind.Ok
            ? Done(number, request.Year, "報告を訂正しました。実績の冊子とオープンデータを新しい版として公表し直しました（以前の版もダウンロードできます）。")
            : await RenderAsync(outcome, null, ct);
    }

    [HttpPost("accept")]
    public Task<IActionResult> Accept(string id, [FromForm] ReviewRequest request, CancellationToken ct) =>
        Review(id, request, handler.AcceptAsync, "報告を確認済にしました。", ct);

    [HttpPost("return")]
    public Task<IActionResult> Return(string id, [FromForm] ReviewRequest request, CancellationToken ct) =>
        Review(id, request, handler.ReturnAsync, "報告を差し戻しました。", ct);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(string id, [FromForm] ReviewRequest request, CancellationToken ct) =>
        Review(id, request, handler.ReopenAsync, "報告を再開し、部署が編集できる状態に戻しました。", ct);

    private async Task<IActionResult> Review(
        string id,
        ReviewRequest request,
        Func<PlanNumber, ReviewRequest, IReadOnlyList<string>, ClaimsPrincipal, CancellationToken, Task<ReportOutcome>> action,
        string notice,
        CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var outcome = await action(number, request, ModelState.JapaneseErrors(), User, ct);
        var queue = ReviewInbox.From(request.Queue, request.QueueDepartment);
        return outcome.Kind == ReportOutcomeKind.Ok ? Done(number, request.Year, notice, queue) : await RenderAsync(outcome, queue, ct);
    }

    private RedirectToActionResult Done(PlanNumber number, string? year, string notice, ReviewInbox? queue = null)
    {
        TempData["Notice"] = notice;
        return RedirectToAction(nameof(Edit), new
        {
            id = number.ToString(),
            year = string.IsNullOrEmpty(year) ? null : year,
            queue = queue is null ? null : "review",
            qdept = queue?.Department,
        });
    }

    private async Task<IActionResult> RenderAsync(ReportOutcome outcome, ReviewInbox? queue, CancellationToken ct)
    {
        if (outcome.Model is { } model)
        {
            // The thread (department and 企画課 only) and, for the 企画課 working through its queue, the next report.
            model = model with
            {
                Thread = model.ShowsThread ? await threads.ForAsync(model.PlanKeyId, model.Year, ct) : [],
                Queue = queue is not null && User.IsInRole(Infrastructure.Identity.AppRoles.PlanningOffice) ? queue : null,
            };
            if (model.Queue is { } q)
            {
                model = model with { Next = await inbox.NextAsync(model.Context, q, model.Number, ct) };
            }

            outcome = outcome with { Model = model };
        }

        return Render(outcome);
    }

    private IActionResult Render(ReportOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case ReportOutcomeKind.NotFound:
                return NotFound();
            case ReportOutcomeKind.Forbidden:
                return this.Forbidden();
            case ReportOutcomeKind.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case ReportOutcomeKind.Invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }

        return View("Edit", outcome.Model);
    }
}
