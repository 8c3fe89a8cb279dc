using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The report page and its forms: each action binds its request, runs one use case and answers with it.</summary>
[Route("plans/{id}/report")]
public sealed class ReportsController(ReportThreadQuery threads, Start.InboxQuery inbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(
        string id, [FromQuery] string? year, [FromQuery] string? queue, [FromQuery] int? qdept, [FromServices] OpenReportHandler open, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var result = await open.OpenAsync(number, year, User, ct);
        return await AnswerAsync(result, ReviewInbox.From(queue, qdept), done: null, ct, notFound: () => this.PlanNotFound(number));
    }

    /// <summary>A message in the report's thread (the department or the 企画課).</summary>
    [HttpPost("comments")]
    public async Task<IActionResult> Comment(string id, [FromForm] CommentRequest request, [FromServices] CommentOnReportHandler comment, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var result = await comment.CommentAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        return await AnswerAsync(result, null, () =>
        {
            TempData["Notice"] = "コメントを送りました。";
            return Redirect(Url.Action(nameof(Edit), new { id = number.ToString(), year = string.IsNullOrEmpty(request.Year) ? null : request.Year }) + "#thread");
        }, ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string id, [FromForm] ReportFormRequest request, [FromServices] SaveReportHandler save, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var result = await save.SaveAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        var notice = request.Command == ReportCommand.Submit ? "報告を提出しました。企画課の確認をお待ちください。" : "下書きを保存しました。";
        return await AnswerAsync(result, null, () => Done(number, request.Year, notice), ct);
    }

    /// <summary>訂正 of a closed year's report (企画課, with a reason); the results booklet is published again.</summary>
    [HttpPost("correct")]
    public async Task<IActionResult> Correct(string id, [FromForm] ReportCorrectionRequest request, [FromServices] CorrectReportHandler correct, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var result = await correct.CorrectAsync(number, request, ModelState.JapaneseErrors(), User, ct);
        return await AnswerAsync(result, null, () => Done(number, request.Year, "報告を訂正しました。実績の冊子とオープンデータを新しい版として公表し直しました（以前の版もダウンロードできます）。"), ct);
    }

    [HttpPost("accept")]
    public Task<IActionResult> Accept(string id, [FromForm] AcceptRequest request, [FromServices] AcceptReportHandler accept, CancellationToken ct) =>
        ReviewAsync(id, request, number => accept.AcceptAsync(number, request, ModelState.JapaneseErrors(), User, ct), "報告を確認済にしました。", ct);

    [HttpPost("return")]
    public Task<IActionResult> Return(string id, [FromForm] ReviewRequest request, [FromServices] ReturnReportHandler sendBack, CancellationToken ct) =>
        ReviewAsync(id, request, number => sendBack.ReturnAsync(number, request, ModelState.JapaneseErrors(), User, ct), "報告を差し戻しました。", ct);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(string id, [FromForm] ReviewRequest request, [FromServices] ReopenReportHandler reopen, CancellationToken ct) =>
        ReviewAsync(id, request, number => reopen.ReopenAsync(number, request, ModelState.JapaneseErrors(), User, ct), "報告を再開し、部署が編集できる状態に戻しました。", ct);

    /// <summary>確認済・差戻し・再開: the review step, then back to the report (and the 企画課's queue it came from).</summary>
    private async Task<IActionResult> ReviewAsync(
        string id, ReviewRequest request, Func<PlanNumber, Task<UseCaseResult<ReportEditorViewModel>>> review, string notice, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var result = await review(number);
        var queue = ReviewInbox.From(request.Queue, request.QueueDepartment);
        return await AnswerAsync(result, queue, () => Done(number, request.Year, notice, queue), ct);
    }

    private RedirectToActionResult Done(PlanNumber number, string? year, string notice, ReviewInbox? queue = null)
    {
        TempData["Notice"] = notice;
        return RedirectToAction(nameof(Edit), new
        {
            id = number.ToString(),
            year = string.IsNullOrEmpty(year) ? null : year,
            queue = queue is null ? null : ReviewInbox.Review,
            qdept = queue?.Department,
        });
    }

    /// <summary>
    /// The use case's answer (<see cref="UseCaseHttp"/>): a POST that succeeded redirects (<paramref name="done"/>);
    /// otherwise the report page, with the thread and, for the 企画課 working through its queue, the next report.
    /// </summary>
    private async Task<IActionResult> AnswerAsync(
        UseCaseResult<ReportEditorViewModel> result, ReviewInbox? queue, Func<IActionResult>? done, CancellationToken ct, Func<IActionResult>? notFound = null)
    {
        if (result.Value is { } model && !(result.IsOk && done is not null))
        {
            result = result with { Value = await WithThreadAndQueueAsync(model, queue, ct) };
        }

        return this.Answer(result, ok: model => done?.Invoke() ?? View("Edit", model), refused: r => View("Edit", r.Value), notFound);
    }

    private async Task<ReportEditorViewModel> WithThreadAndQueueAsync(ReportEditorViewModel model, ReviewInbox? queue, CancellationToken ct)
    {
        model = model with
        {
            Thread = model.ShowsThread ? await threads.ForAsync(model.PlanKeyId, model.Year, ct) : [],
            Queue = queue is not null && User.IsInRole(Infrastructure.Identity.AppRoles.PlanningOffice) ? queue : null,
        };
        return model.Queue is { } q ? model with { Next = await inbox.NextAsync(model.Context, q, model.Number, ct) } : model;
    }
}
