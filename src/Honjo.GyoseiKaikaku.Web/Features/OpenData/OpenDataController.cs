using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.OpenData;

public sealed record OpenDataPage(IReadOnlyList<OpenDataEditionSummary> Editions, IReadOnlyList<OpenDataColumn> Columns);

/// <summary>
/// オープンデータ: public, no sign-in. Published editions only (a draft's URLs are 404 even when guessed) and
/// accepted year-end reports only.
/// </summary>
[AllowAnonymous]
[Route("opendata")]
public sealed class OpenDataController(OpenDataReader reader, Booklets.PublishedFileQuery editions, Booklets.EditionChangesQuery changes) : Controller
{
    /// <summary>A published edition's changes against the one before (added, 計画変更 with before → after, ended), as CSV.</summary>
    [HttpGet("changes/{year}.csv")]
    public async Task<IActionResult> ChangesCsv(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy) && await changes.HandleAsync(fy, ct, publishedOnly: true) is { } model
            ? File(Booklets.EditionChangesQuery.Csv(model), OpenDataCsvWriter.ContentType, $"honjo-gyoseikaikaku-{fy.Code}-changes.csv")
            : NotFound();

    [HttpGet("changes/{year}.json")]
    public async Task<IActionResult> ChangesJson(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy) && await changes.HandleAsync(fy, ct, publishedOnly: true) is { } model
            ? File(Booklets.EditionChangesQuery.Json(model), OpenDataJsonWriter.ContentType)
            : NotFound();

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new OpenDataPage(await reader.ListPublishedAsync(ct), OpenDataColumns.All));

    [HttpGet("columns.csv", Order = -1)]
    public IActionResult Columns() =>
        File(OpenDataCsvWriter.WriteColumns(), OpenDataCsvWriter.ContentType, "honjo-gyoseikaikaku-columns.csv");

    [HttpGet("{year}.csv")]
    public async Task<IActionResult> Csv(string year, CancellationToken ct)
    {
        if (await StoredAsync(year, PublishedFormat.Csv, ct) is { } stored)
        {
            return stored;
        }

        var data = await ReadAsync(year, ct);
        return data is null
            ? NotFound()
            : File(OpenDataCsvWriter.Write(data), OpenDataCsvWriter.ContentType, $"honjo-gyoseikaikaku-{data.Edition.Code}.csv");
    }

    [HttpGet("{year}.json")]
    public async Task<IActionResult> Json(string year, CancellationToken ct)
    {
        if (await StoredAsync(year, PublishedFormat.Json, ct) is { } stored)
        {
            return stored;
        }

        var data = await ReadAsync(year, ct);
        return data is null ? NotFound() : File(OpenDataJsonWriter.Write(data), OpenDataJsonWriter.ContentType);
    }

    /// <summary>The data stored at 公表, served byte for byte; editions published before it was stored are built live.</summary>
    private async Task<IActionResult?> StoredAsync(string year, PublishedFormat format, CancellationToken ct)
    {
        // Once the year's results are closed, its open data carries them; until then, what 計画の公表 stored.
        if (!FiscalYear.TryParse(year, out var fy)
            || (await editions.PublishedFileAsync(fy, format, PublishedKind.Results, ct)
                ?? await editions.PublishedFileAsync(fy, format, PublishedKind.Plan, ct)) is not { } file)
        {
            return null;
        }

        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return format == PublishedFormat.Json ? File(file.Content, file.ContentType) : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<OpenDataset?> ReadAsync(string year, CancellationToken ct) =>
        FiscalYear.TryParse(year, out var fy) ? await reader.ReadAsync(fy, ct) : null;
}
