using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>The files a milestone or a 訂正 publishes: booklet as PDF and Excel, open data as CSV and JSON.</summary>
public sealed class MilestoneFiles(IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, OpenDataReader openData)
{
    /// <summary>
    /// Renders what a milestone (or a 訂正) publishes for <paramref name="kind"/>: the booklet as PDF and Excel and the
    /// open data as CSV and JSON, as revision <paramref name="revision"/>. The plan booklet's year rows are empty; the
    /// results booklet carries the year's accepted reports. The caller reads as the public would
    /// (<see cref="ReportAudience.AcceptedOnly"/>). A published edition prints its title without 「(案)」.
    /// </summary>
    public async Task<PublishedFile[]> RenderAsync(
        BookletEdition edition, PublishedKind kind, int revision, DateTimeOffset now, CancellationToken ct, IProgress<BookletProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var year = edition.Year;
        var stage = kind == PublishedKind.Plan ? BookletStage.Plan : BookletStage.Results;
        var booklet = await reader.ReadAsync(year, stage, ct) ?? throw new InvalidOperationException($"No booklet for {year.Code}.");
        booklet = booklet with { EditionTitle = edition.PublishedTitle };
        var dataset = await openData.ReadAsync(year, now, ct) ?? throw new InvalidOperationException($"No open data for {year.Code}.");
        var results = kind == PublishedKind.Results;
        var suffix = revision > 1 ? $"_第{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}版" : string.Empty;
        var name = $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート" + (results ? "_実績" : string.Empty) + suffix;
        var data = $"honjo-gyoseikaikaku-{year.Code}" + (results ? "-results" : string.Empty)
            + (revision > 1 ? $"-rev{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty);

        // The two booklets as one count of sheets for the person waiting: the PDF's, then the Excel's (ADR 0032).
        var pdfFile = await pdf.RenderAsync(booklet, Phase(progress, "PDF", 0), ct);
        var excelFile = excel.Write(booklet, Phase(progress, "Excel", 1));
        progress?.Report(new BookletProgress(1, 1, "オープンデータを作成中"));
        return
        [
            new(PublishedFormat.Pdf, name + ".pdf", BookletExportService.PdfType, pdfFile, now, kind, revision),
            new(PublishedFormat.Excel, name + ".xlsx", BookletExportService.ExcelType, excelFile, now, kind, revision),
            new(PublishedFormat.Csv, data + ".csv", OpenDataCsvWriter.ContentType, OpenDataCsvWriter.Write(dataset), now, kind, revision),
            new(PublishedFormat.Json, data + ".json", OpenDataJsonWriter.ContentType, OpenDataJsonWriter.Write(dataset), now, kind, revision),
        ];
    }

    /// <summary>The <paramref name="index"/>-th of two booklets' progress told as part of both: "PDF：シートを印刷中".</summary>
    private static Progress? Phase(IProgress<BookletProgress>? progress, string format, int index) =>
        progress is null ? null : new Progress(p => progress.Report(new BookletProgress((index * p.Total) + p.Done, 2 * p.Total, $"{format}：{p.Step}")));

    private sealed class Progress(Action<BookletProgress> report) : IProgress<BookletProgress>
    {
        public void Report(BookletProgress value) => report(value);
    }
}
