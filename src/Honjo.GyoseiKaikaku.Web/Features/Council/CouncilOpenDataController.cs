using Honjo.GyoseiKaikaku.Infrastructure.Council;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>
/// The published opinion/response tables as open data, beside the edition files of ADR 0012 (public, no sign-in):
/// <c>/opendata/council/R6.csv</c> and <c>.json</c>. An unpublished table, a draft or unknown edition is a 404.
/// </summary>
[AllowAnonymous]
[Route("opendata/council")]
public sealed class CouncilOpenDataController(CouncilQueries queries) : Controller
{
    [HttpGet("{year}.csv")]
    public async Task<IActionResult> Csv(string year, CancellationToken ct) =>
        await queries.PublishedTableAsync(year, ct) is { } table
            ? File(CouncilOpenDataWriter.Csv(table), CouncilOpenDataWriter.CsvContentType, $"council-{table.Year.Code}.csv")
            : NotFound();

    [HttpGet("{year}.json")]
    public async Task<IActionResult> Json(string year, CancellationToken ct) =>
        await queries.PublishedTableAsync(year, ct) is { } table
            ? File(CouncilOpenDataWriter.Json(table), CouncilOpenDataWriter.JsonContentType, $"council-{table.Year.Code}.json")
            : NotFound();
}

/// <summary>The published tables listed on the open-data page (<c>/opendata</c>), below the editions.</summary>
public sealed class CouncilOpenDataViewComponent(CouncilQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Council/_OpenData.cshtml", await queries.PublishedTablesAsync(HttpContext.RequestAborted));
}
