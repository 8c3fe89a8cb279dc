using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>Downloads: the whole booklet of an edition, and one plan's sheet, as PDF or Excel.</summary>
[ExportFailureFilter]
public sealed class BookletsController(BookletExportService exports, PublishedFileQuery editions, ExportJobs jobs) : Controller
{
    /// <summary>Any stored revision of a published file (the booklets and open data of a milestone or a 訂正), as stored.</summary>
    [HttpGet("/booklets/{year}/files/{id:int}")]
    public async Task<IActionResult> StoredFile(string year, int id, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy) || await editions.StoredFileAsync(fy, id, ct) is not { } file)
        {
            return NotFound();
        }

        Response.Headers["X-Content-SHA256"] = file.Sha256;
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("/booklets/{year}.pdf")]
    public Task<IActionResult> BookletPdf(string year, CancellationToken ct) => Booklet(year, BookletFormat.Pdf, BookletStage.Plan, ct);

    [HttpGet("/booklets/{year}.xlsx")]
    public Task<IActionResult> BookletExcel(string year, CancellationToken ct) => Booklet(year, BookletFormat.Excel, BookletStage.Plan, ct);

    /// <summary>The results booklet: stored at 実績の確定, a preview of the accepted reports before.</summary>
    [HttpGet("/booklets/{year}/results.pdf")]
    public Task<IActionResult> ResultsPdf(string year, CancellationToken ct) => Booklet(year, BookletFormat.Pdf, BookletStage.Results, ct);

    [HttpGet("/booklets/{year}/results.xlsx")]
    public Task<IActionResult> ResultsExcel(string year, CancellationToken ct) => Booklet(year, BookletFormat.Excel, BookletStage.Results, ct);

    [HttpGet("/plans/{id}/sheet.pdf")]
    public Task<IActionResult> PlanPdf(string id, [FromQuery] string? year, CancellationToken ct) => Plan(id, year, BookletFormat.Pdf, ct);

    [HttpGet("/plans/{id}/sheet.xlsx")]
    public Task<IActionResult> PlanExcel(string id, [FromQuery] string? year, CancellationToken ct) => Plan(id, year, BookletFormat.Excel, ct);

    private async Task<IActionResult> Booklet(string year, BookletFormat format, BookletStage stage, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out var fy))
        {
            return NotFound();
        }

        // Joins the render already running for this booklet, if any (ADR 0022): without scripts this is the download.
        var job = jobs.Start(new BookletExportKey(fy, format, stage));
        return await Deliver(() => job.Completion.WaitAsync(ct));
    }

    /// <summary>
    /// Starts (or joins) the render of a booklet and answers its job as JSON, for the page's progress display
    /// (wwwroot/js/site.js).
    /// </summary>
    [HttpGet("/booklets/{year}/export")]
    public IActionResult StartExport(string year, [FromQuery] string? format, [FromQuery] string? stage) =>
        KeyOf(year, format, stage) is { } key ? Json(JobStatus(jobs.Start(key))) : NotFound();

    /// <summary>
    /// The download link of the 冊子 page: starts (or joins) the render and shows its waiting page, which follows the
    /// render without scripts by refreshing itself; a file already made (a published one) is served at once.
    /// </summary>
    [HttpGet("/booklets/{year}/download")]
    public IActionResult Download(string year, [FromQuery] string? format, [FromQuery] string? stage)
    {
        if (KeyOf(year, format, stage) is not { } key)
        {
            return NotFound();
        }

        var job = jobs.Start(key);
        return job.State == ExportJobState.Done
            ? RedirectToAction(nameof(ExportFile), new { id = job.Id })
            : RedirectToAction(nameof(ExportProgress), new { id = job.Id });
    }

    /// <summary>
    /// The job as JSON: state, how far (done of total sheets, the step), the file once done. Readable by whoever may
    /// download that booklet (a 審議会委員 is kept from a draft edition's, as from the booklet itself).
    /// </summary>
    [HttpGet("/booklets/exports/{id:guid}")]
    public async Task<IActionResult> ExportStatus(Guid id, [FromServices] Council.DraftEditionGate drafts, CancellationToken ct) =>
        await FindAsync(id, drafts, ct) is { } job ? Json(JobStatus(job)) : NotFound();

    /// <summary>The waiting page of a job: its progress, refreshed by itself without scripts, then the file.</summary>
    [HttpGet("/booklets/exports/{id:guid}/progress")]
    public async Task<IActionResult> ExportProgress(Guid id, [FromServices] Council.DraftEditionGate drafts, CancellationToken ct)
    {
        if (await FindAsync(id, drafts, ct) is not { } job)
        {
            return NotFound();
        }

        return View("~/Features/Booklets/ExportProgress.cshtml", new ExportProgressModel(
            job,
            jobs.SecondsSinceStart(job),
            Url.Action(nameof(ExportStatus), new { id = job.Id })!,
            Url.Action(nameof(ExportFile), new { id = job.Id })!,
            job.State == ExportJobState.NotFound ? "この冊子は見つかりません。" : job.Error));
    }

    /// <summary>The finished job's file, for as long as it is kept (<see cref="ExportJobs.KeepFinished"/>).</summary>
    [HttpGet("/booklets/exports/{id:guid}/file")]
    public async Task<IActionResult> ExportFile(Guid id, [FromServices] Council.DraftEditionGate drafts, CancellationToken ct)
    {
        if (await FindAsync(id, drafts, ct) is not { } job)
        {
            return NotFound();
        }

        return await Deliver(() => job.Completion.WaitAsync(ct));
    }

    private static BookletExportKey? KeyOf(string year, string? format, string? stage) =>
        FiscalYear.TryParse(year, out var fy) && Enum.TryParse<BookletFormat>(format, true, out var f) && Enum.TryParse<BookletStage>(stage, true, out var s)
        && Enum.IsDefined(f) && Enum.IsDefined(s)
            ? new BookletExportKey(fy, f, s)
            : null;

    /// <summary>A job the user may follow: whoever may download its booklet (the draft gate checks the job's edition).</summary>
    private async Task<ExportJob?> FindAsync(Guid id, Council.DraftEditionGate drafts, CancellationToken ct) =>
        jobs.Find(id) is { } job && !await drafts.HidesAsync(User, job.Key.Year, ct) ? job : null;

    private object JobStatus(ExportJob job) => new
    {
        id = job.Id,
        state = job.State.ToString().ToLowerInvariant(),
        elapsedSeconds = jobs.SecondsSinceStart(job),
        requests = job.Requests,
        done = job.Progress?.Done ?? 0,
        total = job.Progress?.Total ?? 0,
        step = job.Progress?.Step,
        status = Url.Action(nameof(ExportStatus), new { id = job.Id }),
        page = Url.Action(nameof(ExportProgress), new { id = job.Id }),
        file = job.State == ExportJobState.Done ? Url.Action(nameof(ExportFile), new { id = job.Id }) : null,
        error = job.State == ExportJobState.NotFound ? "この冊子は見つかりません。" : job.Error,
    };

    private async Task<IActionResult> Plan(string id, string? year, BookletFormat format, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var fy = await exports.ResolveYearAsync(year, ct);
        if (fy is null)
        {
            return NotFound();
        }

        return await Deliver(() => exports.PlanAsync(fy.Value, number, format, ct));
    }

    private async Task<IActionResult> Deliver(Func<Task<ExportedFile?>> export)
    {
        var file = await export();
        if (file is null)
        {
            return NotFound();
        }

        if (file.Sha256 is { } sha)
        {
            Response.Headers["X-Content-SHA256"] = sha;
            Response.Headers.ETag = $"\"{sha}\"";
        }

        return File(file.Content, file.ContentType, file.FileName);
    }
}
