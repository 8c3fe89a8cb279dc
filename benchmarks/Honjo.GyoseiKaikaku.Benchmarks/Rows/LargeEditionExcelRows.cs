using System.IO.Compression;
using System.Xml.Linq;
using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// helper-scale's rows: the 1,008-plan edition's Excel booklet (warm: median of the warm runs, the writer's code
/// already loaded by the R6 rows), its cost per sheet beside R6's, and a check that the workbook holds the 一覧 and
/// one worksheet per plan.
/// </summary>
internal static class LargeEditionExcelRows
{
    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("1,008-plan edition Excel…");
        var r6 = await BenchContext.ReadR6Async(context.App);
        var booklet = await BenchContext.ReadR6Async(context.LargeApp);
        var sheets = booklet.Sheets.Count();
        var excel = BenchContext.Service<IBookletExcelWriter>(context.LargeApp);

        var r6Warm = await Timing.MedianAsync(context.WarmRuns, _ => Task.FromResult(excel.Write(r6)));
        var (first, bytes) = await Timing.TimeAsync(() => Task.FromResult(excel.Write(booklet)));
        var runs = new List<(double Ms, double CpuMs)>();
        for (var i = 0; i < Math.Min(3, context.WarmRuns); i++)
        {
            var (ms, cpu, _) = await Timing.TimeWithCpuAsync(() => Task.FromResult(excel.Write(booklet)));
            runs.Add((ms, cpu));
        }

        var warm = Timing.Median(runs.Select(r => r.Ms).ToList());
        var warmCpu = Timing.Median(runs.Select(r => r.CpuMs).ToList());

        table.Add(
            "1,008-plan edition Excel, warm",
            $"{ResultTable.Ms(warm)} (CPU {ResultTable.Ms(warmCpu)}), {ResultTable.Kb(bytes.Length)} (first: {ResultTable.Ms(first)})",
            "<= 3 s",
            warm <= 3000);
        table.Add(
            "1,008-plan Excel per sheet vs R6's",
            $"{warm / sheets:F1} ms vs {r6Warm / r6.Sheets.Count():F1} ms",
            "(context; was 9 ms a sheet)",
            null);

        var names = SheetNames(bytes);
        var expected = booklet.Sheets.Select(s => s.Number.ToString()).Prepend("一覧").ToList();
        table.Check("1,008-plan workbook: 一覧 + one sheet per plan, in order", names.SequenceEqual(expected), $"{names.Count} worksheets");

        // The 一覧 is the Excel booklet's 目次: its 頁 column must give each sheet the page the PDF prints it on.
        var pages = IndexPages(bytes);
        table.Check(
            "1,008-plan workbook: the 一覧 gives each sheet its booklet page",
            pages.SequenceEqual(booklet.Sheets.Select(s => s.Page)),
            $"{pages.Count} rows, pages {pages.FirstOrDefault()}–{pages.LastOrDefault()}");
    }

    /// <summary>The numbers of the 一覧's 頁 column (G), below its header, read from the package.</summary>
    private static List<int> IndexPages(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(main + "c")
            .Where(c => ((string)c.Attribute("r")!).StartsWith('G') && c.Attribute("t") is null && c.Element(main + "v") is not null)
            .Select(c => int.Parse((string)c.Element(main + "v")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static List<string> SheetNames(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("xl/workbook.xml")!.Open();
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(main + "sheet").Select(s => (string)s.Attribute("name")!).ToList();
    }
}
