using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// The R6 PDF booklet: cold (the browser's start included), warm with nothing reusable (every sheet differs from
/// any earlier render), warm unchanged, after one sheet changed, and its size; checks it is tagged, bookmarked and
/// reads page by page as the booklet printed before the route changed (tests/…/Baselines/booklet-R6.txt).
/// </summary>
internal static class R6PdfRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("R6 PDF booklet…");
        var booklet = await BenchContext.ReadR6Async(context.App);
        var pdf = BenchContext.Service<IBookletPdfRenderer>(context.App);

        var (cold, bytes) = await Timing.TimeAsync(() => pdf.RenderAsync(booklet, default));
        table.Add("R6 PDF booklet, cold", ResultTable.Ms(cold), "(context: includes starting the browser)", null);

        // Each run a booklet no earlier render has seen (every sheet touched), then the same with one sheet changed.
        var full = new List<double>();
        var fullCpu = new List<double>();
        var oneChanged = new List<double>();
        var oneChangedCpu = new List<double>();
        var byProcessFull = new List<string>();
        for (var run = 0; run < context.WarmRuns; run++)
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

        context.R6PdfWarmMs = Timing.Median(full);
        var unchanged = await Timing.MedianAsync(context.WarmRuns, _ => pdf.RenderAsync(booklet, default));
        table.Add("R6 PDF booklet, warm (nothing reusable)", ResultTable.Ms(context.R6PdfWarmMs), "ratio to LibreOffice below", null);
        table.Add("R6 PDF booklet, warm, unchanged booklet", ResultTable.Ms(unchanged), "(context: what a repeated download costs)", null);

        var share = Timing.Median(oneChanged) / context.R6PdfWarmMs;
        table.Add("R6 PDF after one sheet changed", $"{ResultTable.Ms(Timing.Median(oneChanged))} = {share:P0} of a full render", "<= 25 % of a full render", share <= 0.25);
        table.Add("R6 PDF CPU time (app + browser), warm", $"full {ResultTable.Ms(Timing.Median(fullCpu))}; one sheet changed {ResultTable.Ms(Timing.Median(oneChangedCpu))} = {Timing.Median(oneChangedCpu) / Timing.Median(fullCpu):P0}",
            "(context: less sensitive to others' load than wall time)", null);
        table.Add("R6 PDF CPU by process, full render (last run)", byProcessFull[^1], "(context: where the CPU goes, ms)", null);

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
