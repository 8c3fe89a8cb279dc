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
    IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, Shared.EditionResolver editions, EditionsHandler published)
{
    public const string PdfType = "application/pdf";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ExportedFile?> BookletAsync(FiscalYear year, BookletFormat format, CancellationToken ct)
    {
        // A published edition is served exactly as published, whatever changed since.
        var stored = await published.PublishedFileAsync(year, format == BookletFormat.Pdf ? PublishedFormat.Pdf : PublishedFormat.Excel, ct);
        if (stored is not null)
        {
            return new ExportedFile(stored.Content, stored.ContentType, stored.FileName) { Sha256 = stored.Sha256 };
        }

        var booklet = await reader.ReadAsync(year, ct);
        return booklet is null ? null : await ExportAsync(booklet, format, $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート", ct);
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

    private async Task<ExportedFile> ExportAsync(BookletDocument booklet, BookletFormat format, string name, CancellationToken ct) =>
        format == BookletFormat.Pdf
            ? new ExportedFile(await pdf.RenderAsync(booklet, ct), PdfType, name + ".pdf")
            : new ExportedFile(excel.Write(booklet), ExcelType, name + ".xlsx");
}
