using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>
/// 審議会: members' opinions on a published edition, the 企画課's forwarding and review, the departments' responses,
/// and the published table (ADR 0029). Every signed-in person may open the pages; what each sees and may do is decided
/// by <see cref="CouncilAccess"/> and the entities.
/// </summary>
[Route("council")]
public sealed class CouncilController(CouncilQueries queries, CouncilCommands commands, CouncilExports exports) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? year, CancellationToken ct)
    {
        var model = await queries.IndexAsync(year, User.ToCouncilActor(), ct);
        return model is null ? this.NotFoundOrNothingPublished(year) : View(model);
    }

    [HttpGet("/plans/{id}/council")]
    public async Task<IActionResult> Plan(string id, [FromQuery] string? year, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await queries.PlanAsync(number, year, User.ToCouncilActor(), ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{year}/opinions")]
    public async Task<IActionResult> Create(string year, [FromForm] NewOpinionRequest request, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        return await this.AnswerAsync(
            await commands.CreateAsync(fy, request, User.ToCouncilActor(), ct),
            ok: done => WithNotice(done, RedirectToAction(nameof(Opinion), new { id = done.OpinionId })),
            // Refused: the form again, with what the member typed.
            refused: async refused => await queries.IndexAsync(year, User.ToCouncilActor(), ct) is { } model
                ? View("New", model with { DraftBody = request.Body, DraftPlanId = request.PlanId, Errors = refused.Errors })
                : NotFound());
    }

    [HttpGet("{year}/opinions/new")]
    public async Task<IActionResult> New(string year, [FromQuery] string? plan, CancellationToken ct)
    {
        var model = await queries.IndexAsync(year, User.ToCouncilActor(), ct);
        if (model is null)
        {
            return NotFound();
        }

        return model.Actor.IsMember ? View(model with { DraftPlanId = plan }) : this.Forbidden();
    }

    [HttpGet("opinions/{id:long}")]
    public async Task<IActionResult> Opinion(long id, CancellationToken ct)
    {
        var model = await queries.OpinionAsync(id, User.ToCouncilActor(), ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("opinions/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, [FromForm] EditOpinionRequest request, CancellationToken ct) =>
        await AfterAsync(id, await commands.EditAsync(id, request, User.ToCouncilActor(), ct), "edit", m => m with { TypedBody = request.Body }, ct);

    [HttpPost("opinions/{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, [FromForm] int version, CancellationToken ct) =>
        await AfterAsync(id, await commands.DeleteAsync(id, version, User.ToCouncilActor(), ct), "edit", m => m, ct, deleted: true);

    [HttpPost("opinions/{id:long}/forward")]
    public async Task<IActionResult> Forward(long id, [FromForm] ForwardRequest request, CancellationToken ct) =>
        await AfterAsync(id, await commands.ForwardAsync(id, request, User.ToCouncilActor(), ct), "forward", m => m with { TypedDepartmentId = request.DepartmentId }, ct);

    [HttpPost("opinions/{id:long}/answer")]
    public async Task<IActionResult> Answer(long id, [FromForm] AnswerRequest request, CancellationToken ct) =>
        await AfterAsync(id, await commands.AnswerAsync(id, request, User.ToCouncilActor(), ct), "answer", m => m with { TypedResponse = request.Response }, ct);

    [HttpPost("opinions/{id:long}/accept")]
    public async Task<IActionResult> Accept(long id, [FromForm] ReviewRequest request, CancellationToken ct) =>
        await AfterAsync(id, await commands.AcceptAsync(id, request, User.ToCouncilActor(), ct), "review", m => m, ct);

    [HttpPost("opinions/{id:long}/return")]
    public async Task<IActionResult> Return(long id, [FromForm] ReviewRequest request, CancellationToken ct) =>
        await AfterAsync(id, await commands.ReturnAsync(id, request, User.ToCouncilActor(), ct), "review", m => m with { TypedReason = request.Reason }, ct);

    [HttpPost("{year}/publish")]
    public async Task<IActionResult> Publish(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy)
            ? await AfterTableAsync(year, await commands.PublishAsync(fy, User.ToCouncilActor(), ct), ct)
            : NotFound();

    [HttpPost("{year}/reopen")]
    public async Task<IActionResult> Reopen(string year, [FromForm] ReopenRequest request, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy)
            ? await AfterTableAsync(year, await commands.ReopenAsync(fy, request, User.ToCouncilActor(), ct), ct, request.Reason)
            : NotFound();

    /// <summary>The published table as Excel (A4 landscape, one page wide). 404 until it is published.</summary>
    [HttpGet("{year}/table.xlsx")]
    public async Task<IActionResult> TableExcel(string year, CancellationToken ct) =>
        await queries.PublishedTableAsync(year, ct) is { } table
            ? File(Infrastructure.Council.CouncilTableWorkbookWriter.Write(table), Infrastructure.Council.CouncilTableWorkbookWriter.ContentType, table.FileStem + ".xlsx")
            : NotFound();

    /// <summary>The published table as PDF, printed by the Chromium engine like the summary. 404 until it is published.</summary>
    [HttpGet("{year}/table.pdf")]
    [ExportFailureFilter]
    public async Task<IActionResult> TablePdf(string year, CancellationToken ct)
    {
        if (await queries.PublishedTableAsync(year, ct) is not { } table)
        {
            return NotFound();
        }

        return File(await exports.PdfAsync(table, ct), "application/pdf", table.FileStem + ".pdf");
    }

    /// <summary>
    /// The answer to a change of one opinion (<see cref="UseCaseHttp"/>): done → its page (the list after a deletion)
    /// with the notice; refused → the opinion's page again with the reason and what was typed in <paramref name="form"/>.
    /// </summary>
    private Task<IActionResult> AfterAsync(
        long id, UseCaseResult<CouncilChange> result, string form, Func<OpinionViewModel, OpinionViewModel> typed, CancellationToken ct, bool deleted = false) =>
        this.AnswerAsync(
            result,
            ok: done => WithNotice(done, deleted ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Opinion), new { id })),
            refused: async refused => await queries.OpinionAsync(id, User.ToCouncilActor(), ct) is { } model
                ? View(nameof(Opinion), typed(model) with
                {
                    Errors = refused.Errors,
                    RefusedForm = form,
                    Conflict = refused.Status == UseCaseStatus.Conflict,
                })
                : NotFound());

    /// <summary>The answer to a change of the edition's table: done → the list with the notice; refused → the list again with the reason.</summary>
    private Task<IActionResult> AfterTableAsync(string year, UseCaseResult<CouncilChange> result, CancellationToken ct, string? typedReason = null) =>
        this.AnswerAsync(
            result,
            ok: done => WithNotice(done, RedirectToAction(nameof(Index), new { year })),
            refused: async refused => await queries.IndexAsync(year, User.ToCouncilActor(), ct) is { } model
                ? View(nameof(Index), model with { Errors = refused.Errors, DraftBody = typedReason })
                : NotFound());

    private IActionResult WithNotice(CouncilChange done, IActionResult next)
    {
        TempData["Notice"] = done.Notice;
        return next;
    }
}
