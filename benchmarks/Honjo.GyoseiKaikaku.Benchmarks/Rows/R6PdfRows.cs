using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// The R6 PDF booklet (the route configured: the native one by default, ADR 0036): cold, warm with nothing reusable (every sheet differs from
/// any earlier render), warm unchanged, after one sheet changed, and its size; checks it is tagged, bookmarked and
/// reads page by page as the booklet printed before the route changed (tests/…/Baselines/booklet-R6.txt); and, as
/// the baseline in the same run, the browser's route (warm, nothing reusable; one sheet changed).
/// </summary>
internal static class R6PdfRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("R6 PDF booklet…");
        var booklet = await BenchContext.ReadR6Async(context.App);
        var pdf = BenchContext.Service<IBookletPdfRenderer>(context.App);

        var (cold, bytes) = await Timing.TimeAsync(() => pdf.RenderAsync(booklet, default));
        table.Add("R6 PDF booklet, cold", ResultTable.Ms(cold), "(context: includes loading the fonts)", null);

        var route = await WarmAsync(context, pdf, booklet, 0);
        context.R6PdfWarmMs = route.Full;
        var unchanged = await Timing.MedianAsync(context.WarmRuns, _ => pdf.RenderAsync(booklet, default));
        table.Add("R6 PDF booklet, warm (nothing reusable)", ResultTable.Ms(context.R6PdfWarmMs), "ratio to LibreOffice below", null);
        table.Add("R6 PDF booklet, warm, unchanged booklet", ResultTable.Ms(unchanged), "(context: what a repeated download costs)", null);

        var share = route.OneChanged / context.R6PdfWarmMs;
        table.Add("R6 PDF after one sheet changed", $"{ResultTable.Ms(route.OneChanged)} = {share:P0} of a full render", "<= 25 % of a full render", share <= 0.25);
        table.Add("R6 PDF CPU time (app + browser), warm", $"full {ResultTable.Ms(route.FullCpu)}; one sheet changed {ResultTable.Ms(route.OneChangedCpu)} = {route.OneChangedCpu / route.FullCpu:P0}",
            "(context: less sensitive to others' load than wall time)", null);
        table.Add("R6 PDF CPU by process, full render (last run)", route.ByProcess, "(context: where the CPU goes, ms)", null);

        // The baseline in the same run: the browser's route (ADR 0030–0035), still there behind Pdf:BookletEngine = Chromium.
        Console.WriteLine("R6 PDF booklet, the browser's route (baseline)…");
        var chromium = BenchContext.Service<Web.Features.Booklets.BookletPdfRenderer>(context.App);
        await chromium.RenderAsync(booklet, default);
        var baseline = await WarmAsync(context, chromium, booklet, 100);
        context.R6ChromiumWarmMs = baseline.Full;
        table.Add("  baseline: R6 PDF by the browser (Pdf:BookletEngine = Chromium), warm (nothing reusable)",
            $"{ResultTable.Ms(baseline.Full)} (CPU {ResultTable.Ms(baseline.FullCpu)}); one sheet changed {ResultTable.Ms(baseline.OneChanged)}; native is {ResultTable.Ratio(baseline.Full / route.Full)} faster",
            "(context: the route before ADR 0036)", null);

        var sizeOk = bytes.Length <= 1.5 * 1024 * 1024;
        table.Add("R6 PDF size", ResultTable.Kb(bytes.Length), "<= 1.5 MB, tagged, bookmarked, copyable", sizeOk);
        using var document = PdfDocument.Open(bytes);
        table.Check("R6 PDF tagged (structure tree for screen readers)", PdfChecks.Tagged(document), string.Empty);
        var bookmarks = PdfChecks.Bookmarks(document, booklet);
        table.Check("R6 PDF bookmarks lead to each field and sheet", bookmarks is null, bookmarks ?? string.Empty);
        var differing = BookletText.DifferingPages(BookletText.R6Baseline(), BookletText.PerPage(bytes));
        table.Check("R6 PDF text same as before, page by page", differing.Count == 0,
            differing.Count == 0 ? $"{booklet.PageCount} pages against Baselines/booklet-R6.txt" : $"pages differing: {string.Join(", ", differing.Take(10))}");
    }

    /// <summary>
    /// Warm renders by <paramref name="pdf"/>: each run a booklet no earlier render has seen (every sheet touched), then
    /// the same with one sheet changed; medians of wall and CPU time, and the CPU by process of the last full render.
    /// </summary>
    private static async Task<(double Full, double FullCpu, double OneChanged, double OneChangedCpu, string ByProcess)> WarmAsync(
        BenchContext context, IBookletPdfRenderer pdf, BookletDocument booklet, int firstRun)
    {
        var full = new List<double>();
        var fullCpu = new List<double>();
        var oneChanged = new List<double>();
        var oneChangedCpu = new List<double>();
        var byProcessFull = new List<string>();
        for (var run = firstRun; run < firstRun + context.WarmRuns; run++)
        {
            var touched = TouchEverySheet(booklet, run);
            var byProcess = MemorySampler.CpuByProcess();
            var (gen0, gen1, gen2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            var (ms, cpu, _) = await Timing.TimeWithCpuAsync(() => pdf.RenderAsync(touched, default));
            byProcessFull.Add(MemorySampler.CpuDifference(byProcess, MemorySampler.CpuByProcess())
                + $"; GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1024 / 1024} MB");
            full.Add(ms);
            fullCpu.Add(cpu);
            var changed = ChangeOneSheet(touched, PlanNumber.Parse("2-5"));
            (ms, cpu, _) = await Timing.TimeWithCpuAsync(() => pdf.RenderAsync(changed, default));
            oneChanged.Add(ms);
            oneChangedCpu.Add(cpu);
        }

        return (Timing.Median(full), Timing.Median(fullCpu), Timing.Median(oneChanged), Timing.Median(oneChangedCpu), byProcessFull[^1]);
    }

    /// <summary>Every sheet of <paramref name="booklet"/> made different from any earlier run's, its look unchanged.</summary>
    public static BookletDocument TouchEverySheet(BookletDocument booklet, int run) => booklet with
    {
        Fields = booklet.Fields.Select(f => f with
        {
            Sheets = f.Sheets.Select(s => s with { StatusReport = s.StatusReport + new string('\u200B', run + 1) }).ToList(),
        }).ToList(),
    };

    public static BookletDocument ChangeOneSheet(BookletDocument booklet, PlanNumber number) => booklet with
    {
        Fields = booklet.Fields.Select(f => f with
        {
            Sheets = f.Sheets.Select(s => s.Number == number ? s with { Remarks = [.. s.Remarks, "（変更）"] } : s).ToList(),
        }).ToList(),
    };
}
