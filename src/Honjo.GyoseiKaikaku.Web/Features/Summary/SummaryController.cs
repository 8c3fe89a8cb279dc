using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Summary;

/// <summary>評価集計: open to every signed-in user (the fallback policy), like the 目次 it links into.</summary>
public sealed class SummaryController(SummaryQuery query, SummaryExportService exports) : Controller
{
    [HttpGet("/summary")]
    public async Task<IActionResult> Index([FromQuery] SummaryRequest request, CancellationToken ct)
    {
        var model = await query.HandleAsync(request, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("/summary.xlsx")]
    public async Task<IActionResult> Excel([FromQuery] SummaryRequest request, CancellationToken ct)
    {
        var file = await exports.ExcelAsync(request, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("/summary.pdf")]
    [Booklets.ExportFailureFilter]
    public async Task<IActionResult> Pdf([FromQuery] SummaryRequest request, CancellationToken ct)
    {
        var file = await exports.PdfAsync(request, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
