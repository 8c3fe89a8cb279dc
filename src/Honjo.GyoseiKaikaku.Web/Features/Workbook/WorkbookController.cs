using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>The department workbook: download, upload and preview, confirm or cancel.</summary>
[Route("my")]
[Authorize(Policy = Policies.ReportEditor)]
public sealed class WorkbookController : Controller
{
    [HttpGet("workbook.xlsx")]
    public async Task<IActionResult> Download([FromQuery] WorkbookDownloadRequest request, [FromServices] WorkbookDownloadQuery download, CancellationToken ct) =>
        this.Answer(
            await download.HandleAsync(request, User, ct),
            ok: file => File(file.Content, WorkbookFile.ContentType, file.FileName),
            refused: _ => NotFound());

    [HttpPost("workbook")]
    [TypeFilter<WorkbookUploadSizeFilter>(Order = WorkbookUploadSizeFilter.Order)]
    public async Task<IActionResult> Upload([FromForm] WorkbookUploadRequest request, [FromServices] PreviewImportHandler preview, CancellationToken ct) =>
        this.Answer(await preview.PreviewAsync(request, User, ct), ok: model => View("Preview", model), refused: Page);

    [HttpPost("workbook/confirm")]
    public async Task<IActionResult> Confirm([FromForm] WorkbookConfirmRequest request, [FromServices] ConfirmImportHandler confirm, CancellationToken ct) =>
        this.Answer(await confirm.ConfirmAsync(request, User, ct), ok: Return, refused: Page);

    [HttpPost("workbook/cancel")]
    public async Task<IActionResult> Cancel([FromForm] WorkbookConfirmRequest request, [FromServices] CancelImportHandler cancel, CancellationToken ct) =>
        this.Answer(await cancel.CancelAsync(request, User, ct), ok: Return, refused: Page);

    /// <summary>Saved or cancelled: back to the page the import came from, with the notice.</summary>
    private RedirectToActionResult Return(WorkbookPreviewViewModel done)
    {
        TempData["Notice"] = done.Notice;
        return RedirectToAction("Plans", "My", new { year = done.ReturnTo.Year, department = done.ReturnTo.Department });
    }

    /// <summary>The refusal, on the preview page: what was wrong, sheet and cell.</summary>
    private ViewResult Page(UseCaseResult<WorkbookPreviewViewModel> refused) => View("Preview", refused.Value);
}
