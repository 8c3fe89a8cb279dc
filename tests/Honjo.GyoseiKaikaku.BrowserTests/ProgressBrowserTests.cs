using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>The application with an Excel writer that pauses part-way (and a stand-in PDF, so 公表 needs no Chromium print).</summary>
public sealed class PausingApp : AppFactory
{
    public PausingExcelWriter Writer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IBookletExcelWriter>(Writer);
            services.AddSingleton<IBookletPdfRenderer, StandInPdf>();
        });
    }

    private sealed class StandInPdf : IBookletPdfRenderer
    {
        public Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken) =>
            Task.FromResult("%PDF-1.4\n% stand-in\n"u8.ToArray());
    }
}

public sealed class PausingBrowserFixture() : IAsyncLifetime
{
    public PausingApp App { get; } = new();

    public BrowserFixture Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Browser = new BrowserFixture(App);
        await Browser.InitializeAsync();
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>
/// Issue #11 item 4 (ADR 0032) as a person sees it: a booklet that takes a while shows how many sheets are done, then
/// downloads; 公表 shows its progress while the request runs, then the result. Its own application (publishing
/// changes the edition for good), run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProgressBrowserGroup : ICollectionFixture<PausingBrowserFixture>
{
    public const string Name = "Browser: progress of long work";
}

[Collection(ProgressBrowserGroup.Name)]
public sealed class ProgressBrowserTests(PausingBrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_person_waiting_for_the_booklet_or_for_publishing_sees_how_far_it_is_then_gets_the_result()
    {
        var writer = fixture.App.Writer;
        var page = await fixture.Browser.NewPageAsync(BrowserFixture.Office);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/booklets");
        var row = page.Locator("tr[data-edition='R6']");

        // The Excel booklet: the link's progress shows the sheets written so far while the render is held part-way.
        writer.Reset();
        await row.Locator("a[data-download='xlsx']").ClickAsync();
        await writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var status = row.Locator(".export-progress[role='status']");
        await Assertions.Expect(status).ToContainTextAsync("シートを作成中：16 / 56 シート", new() { Timeout = 30_000 });
        await Assertions.Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(status.Locator("progress")).ToHaveJSPropertyAsync("value", 16);
        await Assertions.Expect(status.Locator("progress")).ToHaveJSPropertyAsync("max", 56);
        await page.ScreenshotAsync(new() { Path = Shot("export-progress-1280.png") });

        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        writer.Release.Release();
        var file = await download;
        Assert.EndsWith(".xlsx", file.SuggestedFilename, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await file.PathAsync()))))
        {
            Assert.Equal(57, workbook.Worksheets.Count);
        }

        await Assertions.Expect(status).ToContainTextAsync("作成しました");

        // The waiting page (where the link leads without scripts), on a phone: the same progress, then the file.
        await page.SetViewportSizeAsync(390, 844);
        writer.Reset();
        await page.GotoAsync("/booklets/R6/download?format=excel&stage=results");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/booklets/exports/[0-9a-f-]+/progress$"));
        await writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var wait = page.Locator("[data-export-progress]");
        await Assertions.Expect(wait).ToContainTextAsync("16 / 56 シート");
        await page.ScreenshotAsync(new() { Path = Shot("export-waiting-page-390.png"), FullPage = true });
        download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        writer.Release.Release();
        Assert.EndsWith("_実績.xlsx", (await download).SuggestedFilename, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-export-file] a")).ToBeVisibleAsync();

        // 計画の公表: while the request runs, the page polls the edition's status and shows both booklets' sheets.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/booklets");
        writer.Reset();
        await row.GetByRole(AriaRole.Button, new() { Name = "計画を公表する" }).ClickAsync();
        await writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var publishing = row.Locator(".export-progress[role='status'][aria-live='polite']");
        await Assertions.Expect(publishing).ToContainTextAsync("Excel：シートを作成中：72 / 112 シート", new() { Timeout = 30_000 });
        await Assertions.Expect(publishing.Locator("progress")).ToHaveJSPropertyAsync("value", 72);
        await Assertions.Expect(publishing.Locator("progress")).ToHaveJSPropertyAsync("max", 112);
        await page.ScreenshotAsync(new() { Path = Shot("publishing-progress-1280.png") });

        // A second person of the 企画課 sees it under way, with no button to start it again.
        var other = await fixture.Browser.NewPageAsync(BrowserFixture.Office);
        await other.GotoAsync("/booklets");
        var otherRow = other.Locator("tr[data-edition='R6']");
        await Assertions.Expect(otherRow.Locator("[data-publishing-status]")).ToContainTextAsync("計画の公表の処理中です");
        await Assertions.Expect(otherRow.GetByRole(AriaRole.Button, new() { Name = "計画を公表する" })).ToHaveCountAsync(0);
        await other.ScreenshotAsync(new() { Path = Shot("publishing-seen-by-another-1280.png") });

        writer.Release.Release();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("令和6年度版を公表しました", new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-edition-status", "Published");

        // The other page follows it to the end by itself and shows the edition published.
        await Assertions.Expect(otherRow).ToHaveAttributeAsync("data-edition-status", "Published", new() { Timeout = 30_000 });
        await Assertions.Expect(otherRow.Locator("[data-publishing-status]")).ToHaveCountAsync(0);
    }
}
