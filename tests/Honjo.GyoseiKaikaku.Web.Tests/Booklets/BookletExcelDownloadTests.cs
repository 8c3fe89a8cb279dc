using System.Net;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The application with a signed-in 閲覧 user. The download service takes both export ports; where no PDF renderer
/// is registered (the PDF engine is built elsewhere), a strict mock stands in, so any PDF call would fail loudly.
/// A real renderer, once registered, is kept.
/// </summary>
public sealed class ExcelDownloadApp() : ReaderApp(new AppOptions
{
    TestServices = s => s.TryAddSingleton(new Mock<IBookletPdfRenderer>(MockBehavior.Strict).Object),
});

/// <summary>The Excel downloads through the real pipeline: sign-in, the reader over SQLite, the writer, the file result.</summary>
public sealed class BookletExcelDownloadTests(ExcelDownloadApp factory) : IClassFixture<ExcelDownloadApp>
{
    private const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly HttpClient _client = factory.Client;

    [Fact]
    public async Task A_signed_in_reader_downloads_the_R6_booklet_as_a_workbook_of_the_index_and_56_sheets()
    {
        using var response = await _client.GetAsync(new Uri("/booklets/R6.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("本庄市行政改革大綱_令和6年度実施計画シート.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(57, workbook.Worksheets.Count);
        Assert.Equal(["一覧", .. RepoPaths.PlanIdsInBookletOrder()], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("本庄市行政改革大綱 令和6年度 実施計画シート(案)", workbook.Worksheet("一覧").Cell("A1").GetString());
    }

    [Fact]
    public async Task A_plans_sheet_downloads_as_a_workbook_of_that_one_sheet()
    {
        using var response = await _client.GetAsync(new Uri("/plans/2-18/sheet.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("実施計画シート_R6_2-18.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("2-18", sheet.Name);
        var executing = sheet.Column(1).CellsUsed().Single(c => c.GetString() == "実行課");
        Assert.Equal("企画課、情報システム課", executing.CellRight().GetString());
        Assert.Equal(RepoPaths.ReadSeed().Plans.Single(p => p.Id == "2-18").Name, sheet.Column(1).CellsUsed().Single(c => c.GetString() == "計画名").CellRight().GetString());
    }

    [Theory]
    [InlineData("/booklets/R6.xlsx")]
    [InlineData("/plans/1-9/sheet.xlsx")]
    public async Task An_anonymous_request_is_sent_to_sign_in(string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/booklets/R99.xlsx")]
    [InlineData("/booklets/abc.xlsx")]
    [InlineData("/plans/9-99/sheet.xlsx")]
    [InlineData("/plans/1-9/sheet.xlsx?year=R99")]
    public async Task An_edition_or_plan_that_does_not_exist_is_a_404(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
