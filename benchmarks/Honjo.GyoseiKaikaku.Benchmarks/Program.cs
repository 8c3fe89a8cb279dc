using System.Globalization;

// Prints every row of issue #11's table in one run, with the machine, side by side with the goal.
// Usage: scripts/bench.sh [warmRuns]   (or: dotnet run -c Release --project benchmarks/Honjo.GyoseiKaikaku.Benchmarks -- [warmRuns])
// Each group of rows is a class of its own under Rows/; add a group by adding a class and a line below.

namespace Honjo.GyoseiKaikaku.Benchmarks;

internal static class ExportBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        // One 1,008-plan export in a process of its own (started by LargeEditionPdfRows to measure its memory alone).
        if (args is [LargeEditionPdfRows.ExportAloneArgument, var database, var seedFile])
        {
            return await LargeEditionPdfRows.ExportAloneAsync(database, seedFile);
        }

        var warmRuns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        await using var context = new BenchContext(warmRuns);
        var table = new ResultTable();

        Console.WriteLine("本庄市 行政改革 実施計画シート: export benchmark (issue #11)");
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"warm = median of {warmRuns} runs; timings on a shared machine are noisy: compare ratios within one run.");
        Console.WriteLine();

        // Order matters only for the browser: the first PDF row pays its start (the cold figure).
        // BENCH_ROWS=R6Pdf,LargeEditionExcel (class names without "Rows") runs only those groups, for profiling one
        // part; the table is only complete without it.
        var only = Environment.GetEnvironmentVariable("BENCH_ROWS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool Runs(string name) => only is null || only.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (Runs("R6Pdf"))
        {
            await R6PdfRows.RunAsync(context, table);
        }

        if (Runs("LibreOffice"))
        {
            await LibreOfficeRows.RunAsync(context, table);
        }

        if (Runs("LargeEditionPdf"))
        {
            await LargeEditionPdfRows.RunAsync(context, table);
        }

        if (Runs("Excel"))
        {
            await ExcelRows.RunAsync(context, table);
        }

        if (Runs("LargeEditionExcel"))
        {
            await LargeEditionExcelRows.RunAsync(context, table);
        }

        if (Runs("PlanList"))
        {
            await PlanListRows.RunAsync(context, table);
        }

        table.Print();
        return table.AllChecksPassed ? 0 : 1;
    }
}
