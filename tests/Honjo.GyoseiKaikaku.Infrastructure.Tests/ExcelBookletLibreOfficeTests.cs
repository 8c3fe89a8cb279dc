using System.Diagnostics;
using Honjo.GyoseiKaikaku.TestSupport;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>
/// Opens the written booklet in a real spreadsheet program: LibreOffice Calc converts it to PDF, which shows that
/// the package is valid, that the print setup is honoured (one page per plan, the 一覧's header row repeated) and
/// what a printed copy looks like. The xlsx and the PDF are kept in artifacts/excel/ for a person to look at.
/// </summary>
public sealed class ExcelBookletLibreOfficeTests(ExcelBookletFixture fixture) : IClassFixture<ExcelBookletFixture>
{
    private static readonly string[] Candidates = ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    [Fact]
    public async Task LibreOffice_prints_the_index_then_each_plan_sheet_on_one_page()
    {
        var office = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "LibreOffice was not found (/usr/bin/libreoffice or soffice). It checks that the Excel booklet opens in a real "
                + "spreadsheet program: install the Debian package libreoffice-calc (apt-get install -y libreoffice-calc).");
        var output = Path.Combine(RepoPaths.Root, "artifacts", "excel");
        Directory.CreateDirectory(output);
        var xlsx = Path.Combine(output, "booklet-r6.xlsx");
        var pdf = Path.ChangeExtension(xlsx, ".pdf");
        await File.WriteAllBytesAsync(xlsx, fixture.Workbook);
        File.Delete(pdf);
        var profile = Path.Combine(Path.GetTempPath(), $"honjo-lo-{Guid.NewGuid():N}");

        try
        {
            var (exitCode, log) = await RunAsync(
                office,
                ["--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", output, xlsx]);

            Assert.True(exitCode == 0 && File.Exists(pdf), $"LibreOffice could not convert the workbook (exit {exitCode}):\n{log}");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => (Text: p.Text, Words: p.GetWords().Select(w => w.Text).ToList())).ToList();
        var indexPages = pages.Count - 56;

        // The 一覧 (59 rows) takes one to three pages; every plan sheet is fitted to exactly one.
        Assert.InRange(pages.Count, 57, 59);
        var sheets = fixture.Booklet.Sheets.ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (text, words) = pages[indexPages + i];
            Assert.Contains(Squash($"計画番号 {sheets[i].Number}"), Squash(text), StringComparison.Ordinal);
            Assert.Contains(Squash(sheets[i].Name), Squash(text), StringComparison.Ordinal);

            // The footer prints the booklet's page number (the sheet's first page number), not the PDF's.
            Assert.Contains(sheets[i].Page.ToString(System.Globalization.CultureInfo.InvariantCulture), words);
        }

        // Print titles honoured: the header row of the 一覧 is repeated on each of its pages.
        Assert.All(pages.Take(indexPages), p => Assert.Contains("番号計画名実行課開始終了評価頁", Squash(p.Text), StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice did not finish converting the workbook within 3 minutes.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
