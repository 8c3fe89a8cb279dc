using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

// Times the R6 booklet exports (cold and warm) and, in the same run, LibreOffice converting the same Excel booklet
// to PDF, which is how the city makes its PDF today. Prints the figures and the ratio.
// Usage: scripts/bench.sh   (or: dotnet run -c Release --project benchmarks/Honjo.GyoseiKaikaku.Benchmarks -- [warmRuns])

namespace Honjo.GyoseiKaikaku.Benchmarks;

internal static class ExportBenchmark
{
    private static readonly string[] OfficePaths = ["/usr/bin/libreoffice", "/usr/bin/soffice"];

    public static async Task<int> Main(string[] args)
    {
        var warmRuns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var work = Directory.CreateTempSubdirectory("honjo-bench-");
        var root = FindRepoRoot();

        await using var app = new BenchApp(Path.Combine(work.FullName, "bench.db"), root);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var booklet = (await services.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var pdf = services.GetRequiredService<IBookletPdfRenderer>();
        var excel = services.GetRequiredService<IBookletExcelWriter>();

        Console.WriteLine("本庄市 行政改革 実施計画シート: export benchmark");
        Console.WriteLine($"machine : {Environment.ProcessorCount} cores, {CpuModel()}, {MemoryGiB()} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"booklet : R6, {booklet.Sheets.Count()} sheets, {booklet.PageCount} pages; warm = median of {warmRuns} runs");
        Console.WriteLine();

        var (pdfCold, pdfBytes) = await TimeAsync(() => pdf.RenderAsync(booklet, default));
        var pdfWarm = await MedianAsync(warmRuns, () => pdf.RenderAsync(booklet, default));
        var (excelCold, excelBytes) = await TimeAsync(() => Task.FromResult(excel.Write(booklet)));
        var excelWarm = await MedianAsync(warmRuns, () => Task.FromResult(excel.Write(booklet)));

        Row("PDF booklet (Chromium), cold", pdfCold, $"{pdfBytes.Length / 1024} KB, includes starting the browser");
        Row("PDF booklet (Chromium), warm", pdfWarm, null);
        Row("Excel booklet (ClosedXML), cold", excelCold, $"{excelBytes.Length / 1024} KB");
        Row("Excel booklet (ClosedXML), warm", excelWarm, null);

        var xlsx = Path.Combine(work.FullName, "booklet-R6.xlsx");
        await File.WriteAllBytesAsync(xlsx, excelBytes);
        var office = OfficePaths.FirstOrDefault(File.Exists);
        if (office is null)
        {
            Console.WriteLine();
            Console.WriteLine("LibreOffice was not found (Debian: apt-get install libreoffice-calc); no baseline, no ratio.");
            return 1;
        }

        var libreRuns = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var outDir = Directory.CreateDirectory(Path.Combine(work.FullName, $"lo-{i}"));
            var profile = Path.Combine(work.FullName, $"lo-profile-{i}");
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
                Console.WriteLine($"LibreOffice failed (exit {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
                return 1;
            }

            libreRuns.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var libre = Median(libreRuns);
        Row("LibreOffice xlsx -> pdf (baseline)", libre, "median of 3, fresh profile each, includes start-up");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio   : LibreOffice / PDF warm = {libre / pdfWarm:F1}x (goal: at least 4x); LibreOffice / PDF cold = {libre / pdfCold:F1}x"));
        work.Delete(recursive: true);
        return 0;
    }

    private static void Row(string name, double ms, string? note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-38} {ms,8:F0} ms{(note is null ? string.Empty : "   " + note)}"));

    private static async Task<(double Ms, T Result)> TimeAsync<T>(Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        return (stopwatch.Elapsed.TotalMilliseconds, result);
    }

    private static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add((await TimeAsync(action)).Ms);
        }

        return Median(times);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGiB() =>
        File.Exists("/proc/meminfo")
            ? (long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture)
            : "?";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Honjo.GyoseiKaikaku.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

/// <summary>The real application, in-process, over its own SQLite file seeded like production.</summary>
internal sealed class BenchApp(string databasePath, string repoRoot) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var seedFile = Path.Combine(repoRoot, "seed-data", "booklet-r6.json");
        builder.UseContentRoot(Path.Combine(repoRoot, "src", "Honjo.GyoseiKaikaku.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("Database:SeedFile", seedFile);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Honjo.GyoseiKaikaku.Infrastructure.Pdf", Environment.GetEnvironmentVariable("BENCH_VERBOSE") is null ? "Warning" : "Information");
    }
}
