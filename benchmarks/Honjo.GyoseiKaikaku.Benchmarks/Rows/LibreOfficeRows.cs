using System.Diagnostics;
using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// How the city makes its PDF today: LibreOffice converting the Excel booklet (fresh profile each time, start-up
/// included, median of 3), and the ratio to the R6 PDF's warm render measured in the same run.
/// </summary>
internal static class LibreOfficeRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("LibreOffice baseline…");
        var office = Machine.OfficePaths.FirstOrDefault(File.Exists);
        if (office is null)
        {
            table.Check("LibreOffice found (Debian: apt-get install libreoffice-calc)", false, "no baseline, no ratio");
            return;
        }

        var booklet = await BenchContext.ReadR6Async(context.App);
        var xlsx = Path.Combine(context.Work.FullName, "booklet-R6.xlsx");
        await File.WriteAllBytesAsync(xlsx, BenchContext.Service<IBookletExcelWriter>(context.App).Write(booklet));

        var runs = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var outDir = Directory.CreateDirectory(Path.Combine(context.Work.FullName, $"lo-{i}"));
            var profile = Path.Combine(context.Work.FullName, $"lo-profile-{i}");
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(office,
                ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir.FullName, xlsx])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await process.WaitForExitAsync();
            stopwatch.Stop();
            if (process.ExitCode != 0 || !File.Exists(Path.Combine(outDir.FullName, "booklet-R6.pdf")))
            {
                table.Check("LibreOffice converts the Excel booklet", false, $"exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
                return;
            }

            runs.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var libre = Timing.Median(runs);
        table.Add("LibreOffice xlsx -> pdf (baseline)", ResultTable.Ms(libre), "(context: median of 3, start-up included)", null);
        var ratio = libre / context.R6PdfWarmMs;
        table.Add("R6 PDF warm vs LibreOffice", $"{ResultTable.Ratio(ratio)} faster", ">= 4x faster than LibreOffice, same run", ratio >= 4);
        if (context.R6ChromiumWarmMs > 0)
        {
            table.Add("  baseline: the browser's route vs LibreOffice", $"{ResultTable.Ratio(libre / context.R6ChromiumWarmMs)} faster", "(context: before ADR 0036)", null);
        }
    }
}
