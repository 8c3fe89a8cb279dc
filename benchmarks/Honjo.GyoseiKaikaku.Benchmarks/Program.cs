using System.Globalization;

// Prints every row of issue #11's table in one run, with the machine, side by side with the goal.
// Usage: scripts/bench.sh [warmRuns]   (or: dotnet run -c Release --project benchmarks/Honjo.GyoseiKaikaku.Benchmarks -- [warmRuns])
// Each group of rows is a class of its own under Rows/; add a group by adding a class and a line below.

namespace Honjo.GyoseiKaikaku.Benchmarks;

internal static class ExportBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var warmRuns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        await using var context = new BenchContext(warmRuns);
        var table = new ResultTable();

        Console.WriteLine("本庄市 行政改革 実施計画シート: export benchmark (issue #11)");
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"warm = median of {warmRuns} runs; timings on a shared machine are noisy: compare ratios within one run.");
        Console.WriteLine();

        // Order matters only for the browser: the first PDF row pays its start (the cold figure).
        await R6PdfRows.RunAsync(context, table);
        await LibreOfficeRows.RunAsync(context, table);
        await LargeEditionPdfRows.RunAsync(context, table);
        await ExcelRows.RunAsync(context, table);
        await LargeEditionExcelRows.RunAsync(context, table);
        await PlanListRows.RunAsync(context, table);

        table.Print();
        return table.AllChecksPassed ? 0 : 1;
    }
}
