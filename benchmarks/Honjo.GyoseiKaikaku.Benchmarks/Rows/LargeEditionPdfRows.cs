using Honjo.GyoseiKaikaku.Domain.Booklets;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// The 1,008-plan edition's PDF (built by the application's seeding from <c>LargeEdition</c>), warm browser, nothing
/// reusable: time, per-sheet cost against R6's, the peak memory of the application and its browser during the export,
/// and a check that its many-page 目次 is right (every row on its 目次 page with the page its sheet is printed on).
/// </summary>
internal static class LargeEditionPdfRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("1,008-plan edition: seeding its database (untimed)…");
        var booklet = await BenchContext.ReadR6Async(context.LargeApp);
        var sheets = booklet.Sheets.Count();
        Console.WriteLine($"1,008-plan edition PDF: {sheets} sheets, {booklet.Contents.Pages.Count} 目次 pages, {booklet.PageCount} pages…");

        // The R6 application's renderer: its browser is warm. Nothing of this edition was rendered before.
        var pdf = BenchContext.Service<IBookletPdfRenderer>(context.App);
        var before = MemorySampler.CurrentBytes();
        double ms;
        byte[] bytes;
        long peak;
        await using (var sampler = new MemorySampler())
        {
            (ms, bytes) = await Timing.TimeAsync(() => pdf.RenderAsync(booklet, default));
            peak = sampler.PeakBytes;
        }

        table.Add("1,008-plan edition PDF, warm", $"{ResultTable.Ms(ms)}, {ResultTable.Kb(bytes.Length)}", "<= 8 s warm", ms <= 8000);
        var perSheet = ms / sheets;
        var r6PerSheet = context.R6PdfWarmMs / 56;
        table.Add("1,008-plan per-sheet cost vs R6's", $"{perSheet:F1} ms vs {r6PerSheet:F1} ms = {perSheet / r6PerSheet:F2}x", "within 1.2x of R6's", perSheet / r6PerSheet <= 1.2);
        if (MemorySampler.Supported)
        {
            table.Add("memory, 1,008-plan PDF (app + browser, peak RSS)", $"{peak / 1024 / 1024} MB (before the export: {before / 1024 / 1024} MB)", "<= 1 GB for one 1,008-plan export", peak <= 1024L * 1024 * 1024);
        }

        using var document = PdfDocument.Open(bytes);
        var contents = PdfChecks.Contents(document, booklet);
        table.Check("1,008-plan 目次 right (rows and pages as printed)", contents is null,
            contents ?? $"{booklet.Contents.Pages.Count} 目次 pages, {sheets} sheets checked");
        table.Check("1,008-plan PDF tagged", PdfChecks.Tagged(document), string.Empty);
    }
}
