using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>Every workbook the application hands out prints on A4, fitted to the page's width (ADR 0025).</summary>
[Collection(SharedPublishedApp.Name)]
public sealed class WorkbookPrintTests(PublishedWorkflowFixture app)
{
    [Theory]
    [InlineData(WorkflowFixture.Shimin, "/my/workbook.xlsx?year=R6")]
    [InlineData(WorkflowFixture.Shimin, "/plans/1-9/sheet.xlsx")]
    [InlineData(WorkflowFixture.Shimin, "/booklets/R6.xlsx")]
    [InlineData(WorkflowFixture.Shimin, "/summary.xlsx?year=R5")]
    [InlineData(WorkflowFixture.Office, "/booklets/R6/changes.xlsx")]
    public async Task Every_printable_sheet_of_the_workbook_is_A4_and_fitted_to_the_width(string user, string url)
    {
        var client = await app.SignedInClientAsync(user);

        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync(new Uri(url, UriKind.Relative))));

        WorkbookPrint.AssertA4(workbook);
    }
}

/// <summary>How a workbook prints, read back.</summary>
public static class WorkbookPrint
{
    /// <summary>Each visible worksheet: A4 paper, and fit to one page wide (the rows may run onto more pages).</summary>
    public static void AssertA4(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var printable = workbook.Worksheets.Where(s => s.Visibility == XLWorksheetVisibility.Visible).ToList();
        Assert.NotEmpty(printable);
        Assert.All(printable, sheet =>
        {
            Assert.True(sheet.PageSetup.PaperSize == XLPaperSize.A4Paper, $"{sheet.Name}: {sheet.PageSetup.PaperSize}");
            Assert.True(sheet.PageSetup.PagesWide == 1, $"{sheet.Name}: {sheet.PageSetup.PagesWide} pages wide");
        });
    }
}
