using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public enum BookletFormat
{
    Pdf,
    Excel,
}

public sealed record ExportedFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>Set for a published file: the checksum stored when it was published.</summary>
    public string? Sha256 { get; init; }
}

/// <summary>Produces an edition's booklet, or one plan of it, as PDF or Excel.</summary>
public sealed class BookletExportService(
    IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, Shared.EditionResolver editions, PublishedFileQuery published)
{
    public const string PdfType = "application/pdf";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The plan booklet (<see cref="BookletStage.Plan"/>) or the results booklet (<see cref="BookletStage.Results"/>). Once
    /// stored by its milestone it is served exactly as stored, whatever changed since; before, it is made on demand.
    /// </summary>
    public async Task<ExportedFile?> BookletAsync(
        FiscalYear year, BookletFormat format, BookletStage stage, CancellationToken ct, IProgress<BookletProgress>? progress = null)
    {
        var kind = stage == BookletStage.Plan ? PublishedKind.Plan : PublishedKind.Results;
        var stored = await published.PublishedFileAsync(year, format == BookletFormat.Pdf ? PublishedFormat.Pdf : PublishedFormat.Excel, kind, ct);
        if (stored is not null)
        {
            return new ExportedFile(stored.Content, stored.ContentType, stored.FileName) { Sha256 = stored.Sha256 };
        }

        var booklet = await reader.ReadAsync(year, stage, ct);
        var name = $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート" + (stage == BookletStage.Results ? "_実績" : string.Empty);
        return booklet is null ? null : await ExportAsync(booklet, format, name, ct, progress);
    }

    /// <summary>The edition named by <paramref name="year"/>, else the newest.</summary>
    public async Task<FiscalYear?> ResolveYearAsync(string? year, CancellationToken ct) =>
        (await editions.ResolveAsync(year, ct))?.Year;

    public async Task<ExportedFile?> PlanAsync(FiscalYear year, PlanNumber number, BookletFormat format, CancellationToken ct)
    {
        var booklet = await reader.ReadAsync(year, ct);
        var single = booklet?.ForPlan(number);
        return single is null || !single.Sheets.Any()
            ? null
            : await ExportAsync(single, format, $"実施計画シート_{year.Code}_{number}", ct);
    }

    private async Task<ExportedFile> ExportAsync(BookletDocument booklet, BookletFormat format, string name, CancellationToken ct, IProgress<BookletProgress>? progress = null) =>
        format == BookletFormat.Pdf
            ? new ExportedFile(await pdf.RenderAsync(booklet, progress, ct), PdfType, name + ".pdf")
            : new ExportedFile(excel.Write(booklet, progress), ExcelType, name + ".xlsx");
}
