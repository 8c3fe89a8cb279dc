using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

[Collection(SharedReaderApp.Name)]
public sealed class BookletDownloadTests(ReaderApp app)
{
    [Fact]
    public async Task A_signed_in_reader_downloads_the_R6_booklet_and_a_single_sheet_as_PDF()
    {
        var booklet = await app.Client.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var sheet = await app.Client.GetAsync(new Uri("/plans/1-9/sheet.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, booklet.StatusCode);
        Assert.Equal("application/pdf", booklet.Content.Headers.ContentType!.MediaType);
        Assert.Contains("令和6年度", booklet.Content.Headers.ContentDisposition!.FileNameStar ?? booklet.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await booklet.Content.ReadAsByteArrayAsync());
        Assert.Equal(59, pdf.NumberOfPages);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using var one = UglyToad.PdfPig.PdfDocument.Open(await sheet.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, one.NumberOfPages);
    }

    [Fact]
    public async Task A_single_sheet_is_titled_by_its_plan_and_numbered_with_its_booklet_page()
    {
        using var booklet = UglyToad.PdfPig.PdfDocument.Open(await app.Client.GetByteArrayAsync(new Uri("/booklets/R6.pdf", UriKind.Relative)));
        using var one = UglyToad.PdfPig.PdfDocument.Open(await app.Client.GetByteArrayAsync(new Uri("/plans/1-9/sheet.pdf", UriKind.Relative)));

        // The header names the sheet's page in the booklet (「計画番号 1-9 ・ 12頁」); the footer prints the same number.
        var page = one.GetPage(1);
        var header = System.Text.RegularExpressions.Regex.Match(page.Text, @"計画番号\s*1-9\s*・\s*(\d+)頁");
        Assert.True(header.Success, page.Text);
        var footer = page.GetWords().OrderBy(w => w.BoundingBox.Bottom).First().Text;
        Assert.Equal(header.Groups[1].Value, footer);
        var inBooklet = booklet.GetPage(int.Parse(footer, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("1-9", inBooklet.Text, StringComparison.Ordinal);
        Assert.Equal(footer, inBooklet.GetWords().OrderBy(w => w.BoundingBox.Bottom).First().Text);

        // The file is titled by its plan, within the booklet's title.
        Assert.StartsWith("1-9 ", one.Information.Title, StringComparison.Ordinal);
        Assert.EndsWith($"（{booklet.Information.Title}）", one.Information.Title, StringComparison.Ordinal);
        Assert.True(one.Information.Title!.Length > booklet.Information.Title!.Length + 6, one.Information.Title);
    }

    [Theory]
    [InlineData("/booklets/R99.pdf")]
    [InlineData("/booklets/latest.pdf")]
    [InlineData("/plans/9-9/sheet.pdf")]
    public async Task Unknown_editions_and_plans_are_404(string url)
    {
        var response = await app.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_downloads_are_sent_to_sign_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_browser_gives_the_administrator_a_message_naming_what_to_install()
    {
        var engine = new Mock<IPdfEngine>();
        engine.Setup(e => e.RenderAsync(It.IsAny<PdfRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PdfEngineUnavailableException("PDFを作成するブラウザが見つかりません（/usr/bin/chromium）。apt-get install chromium fonts-noto-cjk"));
        using var broken = app.WithWebHostBuilder(b => b
            .UseSetting("Pdf:BookletEngine", "Chromium")
            .ConfigureTestServices(s => s.AddSingleton(engine.Object)));
        var client = broken.CreateClient();
        await client.SignInAsync("t-reader");

        var response = await client.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("apt-get install chromium fonts-noto-cjk", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_booklet_written_by_the_application_needs_no_browser()
    {
        // The browser is missing: any print would fail.
        var engine = new Mock<IPdfEngine>();
        engine.Setup(e => e.UnavailableReason()).Returns("PDFを作成するブラウザが見つかりません（/usr/bin/chromium）。");
        engine.Setup(e => e.RenderAsync(It.IsAny<PdfRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PdfEngineUnavailableException("PDFを作成するブラウザが見つかりません（/usr/bin/chromium）。"));
        using var withoutBrowser = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(engine.Object)));
        var client = withoutBrowser.CreateClient();
        await client.SignInAsync("t-reader");

        var response = await client.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(59, document.NumberOfPages);
        engine.Verify(e => e.RenderAsync(It.IsAny<PdfRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_real_engine_refuses_a_missing_browser_with_the_package_names()
    {
        await using var engine = new ChromiumPdfEngine(
            Microsoft.Extensions.Options.Options.Create(new PdfOptions { BrowserPath = "/nonexistent/chromium" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumPdfEngine>.Instance);

        var error = await Assert.ThrowsAsync<PdfEngineUnavailableException>(() => engine.RenderAsync(new PdfRequest("<p>x</p>"), default));

        Assert.Contains("apt-get install chromium fonts-noto-cjk", error.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft Edge", error.Message, StringComparison.Ordinal);
    }
}
