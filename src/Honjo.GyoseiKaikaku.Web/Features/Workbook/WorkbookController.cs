using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>The department workbook: download, upload and preview, confirm or cancel.</summary>
[Route("my")]
[Authorize(Policy = Policies.ReportEditor)]
public sealed class WorkbookController(WorkbookDownloadQuery download, WorkbookImportHandler import) : Controller
{
    [HttpGet("workbook.xlsx")]
    public async Task<IActionResult> Download([FromQuery] WorkbookDownloadRequest request, CancellationToken ct)
    {
        var outcome = await download.HandleAsync(request, User, ct);
        return outcome.Kind switch
        {
            WorkbookOutcomeKind.Ok => File(outcome.File!.Content, WorkbookFile.ContentType, outcome.File.FileName),
            WorkbookOutcomeKind.Forbidden => this.Forbidden(),
            _ => NotFound(),
        };
    }

    [HttpPost("workbook")]
    [TypeFilter<WorkbookUploadSizeFilter>(Order = WorkbookUploadSizeFilter.Order)]
    public async Task<IActionResult> Upload([FromForm] WorkbookUploadRequest request, CancellationToken ct) =>
        Render(await import.PreviewAsync(request, User, ct));

    [HttpPost("workbook/confirm")]
    public async Task<IActionResult> Confirm([FromForm] WorkbookConfirmRequest request, CancellationToken ct) =>
        Render(await import.ConfirmAsync(request, User, ct));

    [HttpPost("workbook/cancel")]
    public async Task<IActionResult> Cancel([FromForm] WorkbookConfirmRequest request, CancellationToken ct) =>
        Render(await import.CancelAsync(request, User, ct));

    private IActionResult Render(WorkbookImportOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case WorkbookOutcomeKind.NotFound:
                return NotFound();
            case WorkbookOutcomeKind.Applied:
                TempData["Notice"] = outcome.Notice;
                return Redirect(outcome.ReturnUrl ?? "/my/plans");
            case WorkbookOutcomeKind.Forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case WorkbookOutcomeKind.Refused:
                Response.StatusCode = outcome.Model?.AtConfirmation == true ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                break;
            case WorkbookOutcomeKind.Expired:
                Response.StatusCode = StatusCodes.Status410Gone;
                break;
        }

        return View("Preview", outcome.Model);
    }
}
