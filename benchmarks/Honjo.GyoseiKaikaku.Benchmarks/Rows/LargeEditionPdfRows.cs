using Honjo.GyoseiKaikaku.Domain.Booklets;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// The 1,008-plan edition's PDF (built by the application's seeding from <c>LargeEdition</c>), warm, nothing
/// reusable, by the route configured (native by default, ADR 0036) and, as the baseline, by the browser's route: time, per-sheet cost against R6's, the peak memory of the application and its browser during the export,
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
        if (Environment.GetEnvironmentVariable("BENCH_LARGE_BASELINE") != "0")
        {
            // The baseline in the same run: the browser's route (ADR 0030–0035), ~30 s; BENCH_LARGE_BASELINE=0 skips it.
            Console.WriteLine("1,008-plan edition PDF, the browser's route (baseline)…");
            var chromium = BenchContext.Service<Web.Features.Booklets.BookletPdfRenderer>(context.App);
            var (chromiumMs, chromiumBytes) = await Timing.TimeAsync(() => chromium.RenderAsync(booklet, default));
            table.Add("  baseline: 1,008-plan PDF by the browser (Pdf:BookletEngine = Chromium), warm",
                $"{ResultTable.Ms(chromiumMs)}, {ResultTable.Kb(chromiumBytes.Length)}; native is {ResultTable.Ratio(chromiumMs / ms)} faster", "(context: the route before ADR 0036)", null);
        }
        if (MemorySampler.Supported)
        {
            table.Add("memory, 1,008-plan PDF (app + browser, peak RSS)", $"{peak / 1024 / 1024} MB (before the export: {before / 1024 / 1024} MB)", "(context: this process holds both applications)", null);
            var alone = await ExportInOwnProcessAsync(context);
            table.Add("memory, one 1,008-plan export alone (own process + its browser, peak RSS)",
                alone is { } a ? $"{a.Peak / 1024 / 1024} MB, of it the application alone at its peak {a.App / 1024 / 1024} MB (before the export: {a.Before / 1024 / 1024} MB; cold, {ResultTable.Ms(a.Ms)}, CPU {ResultTable.Ms(a.CpuMs)})" : "the child process failed",
                "<= 1 GB for one 1,008-plan export", alone is { } ok && ok.Peak <= 1024L * 1024 * 1024);
            if (alone is { } b)
            {
                table.Add("  the same export: peak PSS (shared pages split) and USS (private pages), RSS by process at the peak, each kind's own peak (MB)",
                    $"PSS {b.Pss / 1024 / 1024} MB, USS {b.Uss / 1024 / 1024} MB; at the peak: {b.AtPeak}; own peaks: {b.ByKind}", "(context, ADR 0035)", null);
            }
        }

        using var document = PdfDocument.Open(bytes);
        var contents = PdfChecks.Contents(document, booklet);
        table.Check("1,008-plan 目次 right (rows and pages as printed)", contents is null,
            contents ?? $"{booklet.Contents.Pages.Count} 目次 pages, {sheets} sheets checked");
        table.Check("1,008-plan PDF tagged", PdfChecks.Tagged(document), string.Empty);
    }

    public const string ExportAloneArgument = "--export-alone";

    /// <summary>
    /// Runs this benchmark again as a child process that starts the application over the 1,008-plan database, exports
    /// its PDF once and reports the peak resident memory of itself and its browser (MemorySampler in the child): the
    /// memory of one export, without the R6 application and earlier rows this process holds.
    /// </summary>
    private static async Task<(long Peak, long Before, double Ms, long App, long Pss, double CpuMs, long Uss, string AtPeak, string ByKind)?> ExportInOwnProcessAsync(BenchContext context)
    {
        var self = Environment.ProcessPath!;
        var start = new System.Diagnostics.ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LargeEditionPdfRows).Assembly.Location);
        }

        foreach (var argument in new[] { ExportAloneArgument, context.LargeDatabase, context.LargeSeedFile })
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine("1,008-plan edition PDF: one export in a process of its own (memory)…");
        using var child = System.Diagnostics.Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("EXPORT-ALONE ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            Console.WriteLine(output);
            return null;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var fields = line.Split(' ');
        var kinds = output.Split('\n').FirstOrDefault(l => l.StartsWith("EXPORT-ALONE-KINDS\t", StringComparison.Ordinal))?.Split('\t') ?? ["", "", ""];
        return (long.Parse(fields[1], invariant), long.Parse(fields[2], invariant), double.Parse(fields[3], invariant), long.Parse(fields[5], invariant),
            long.Parse(fields[6], invariant), double.Parse(fields[7], invariant), long.Parse(fields[8], invariant), kinds[1], kinds[2].TrimEnd());
    }

    /// <summary>
    /// In the child process: one export of the 1,008-plan edition, its peak memory printed for the parent. To profile
    /// it alone: <c>dotnet Honjo.GyoseiKaikaku.Benchmarks.dll --export-alone /tmp/x/large.db /tmp/x</c> (a folder
    /// instead of a seed file: the seed is written there first; the database is seeded on first start).
    /// </summary>
    public static async Task<int> ExportAloneAsync(string database, string seedFile)
    {
        if (Directory.Exists(seedFile))
        {
            seedFile = TestSupport.LargeEdition.WriteSeedFile(seedFile);
        }

        await using var app = new BenchApp(database, seedFile);
        var booklet = await BenchContext.ReadR6Async(app);
        var pdf = BenchContext.Service<IBookletPdfRenderer>(app);
        var before = MemorySampler.CurrentBytes();
        await using var sampler = new MemorySampler(proportional: true);
        var (ms, cpuMs, bytes) = await Timing.TimeWithCpuAsync(() => pdf.RenderAsync(booklet, default));
        var (peak, self) = (sampler.PeakBytes, sampler.PeakSelfBytes);
        Console.WriteLine(System.FormattableString.Invariant($"EXPORT-ALONE {peak} {before} {ms:F0} {bytes.Length} {self} {sampler.PeakPssBytes} {cpuMs:F0} {sampler.PeakUssBytes}"));
        Console.WriteLine($"EXPORT-ALONE-KINDS\t{sampler.AtPeak}\t{sampler.PeakByKind}");
        return 0;
    }
}
