using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>The R6 Excel booklet, cold and warm (helper-scale's issue #11 rows add the 1,008-plan edition's).</summary>
internal static class ExcelRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("Excel booklet…");
        var booklet = await BenchContext.ReadR6Async(context.App);
        var excel = BenchContext.Service<IBookletExcelWriter>(context.App);
        var (cold, bytes) = await Timing.TimeAsync(() => Task.FromResult(excel.Write(booklet)));
        var warm = await Timing.MedianAsync(context.WarmRuns, _ => Task.FromResult(excel.Write(booklet)));
        table.Add("R6 Excel booklet, cold", $"{ResultTable.Ms(cold)}, {ResultTable.Kb(bytes.Length)}", "(context)", null);
        table.Add("R6 Excel booklet, warm", ResultTable.Ms(warm), "(context)", null);
    }
}
