using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

public sealed class ProgressApp : AppFactory, IAsyncLifetime
{
    public PausingExcelWriter Writer { get; } = new();

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Reader, AppRoles.Viewer);
        await TestUsers.CreateAsync(this, WorkflowFixture.Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, WorkflowFixture.Member, AppRoles.CouncilMember);
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(user);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IBookletExcelWriter>(Writer);
            services.AddSingleton<IBookletPdfRenderer, StandInPdf>();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>Publishing here is about its progress, not the PDF: a stand-in instead of Chromium's seconds.</summary>
    private sealed class StandInPdf : IBookletPdfRenderer
    {
        public Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken) =>
            Task.FromResult("%PDF-1.4\n% stand-in\n"u8.ToArray());
    }
}

/// <summary>
/// Progress of long work (issue #11 item 4, ADR 0032): the waiting page and its JSON status follow the render sheet by
/// sheet, only whoever may download the booklet may follow it, two people share one render, and a 公表 shows its
/// progress to the 企画課 and cannot be started twice. Collection-serial: the tests share one paused writer.
/// </summary>
public sealed class ExportProgressTests(ProgressApp app) : IClassFixture<ProgressApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_waiting_page_shows_the_sheets_written_so_far_then_leads_to_the_file()
    {
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        app.Writer.Reset();
        var rendersBefore = app.Writer.Renders;

        var start = await reader.GetAsync(new Uri("/booklets/R6/download?format=excel&stage=plan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var pageUrl = start.Headers.Location!.OriginalString;
        Assert.Matches("^/booklets/exports/[0-9a-f-]{36}/progress$", pageUrl);
        await app.Writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // Running: a <progress> of the sheets written, announced politely, refreshing itself without scripts.
        var page = Parser.ParseDocument(await reader.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        var status = page.QuerySelector("[data-export-progress]")!;
        Assert.Equal(("status", "polite"), (status.GetAttribute("role"), status.GetAttribute("aria-live")));
        var bar = status.QuerySelector("progress")!;
        Assert.Equal("56", bar.GetAttribute("max"));
        Assert.Equal("16", bar.GetAttribute("value"));
        Assert.Contains("シートを作成中：16 / 56 シート", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\" content=\"2\"", page.Head!.InnerHtml, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("[data-export-file]")!.HasAttribute("hidden"));

        var statusUrl = page.QuerySelector("[data-export-wait]")!.GetAttribute("data-status-url")!;
        var running = await JsonAsync(reader, statusUrl);
        Assert.Equal(("running", 16, 56, "シートを作成中"), (running.GetProperty("state").GetString(), running.GetProperty("done").GetInt32(), running.GetProperty("total").GetInt32(), running.GetProperty("step").GetString()));
        Assert.Equal(JsonValueKind.Null, running.GetProperty("file").ValueKind);

        app.Writer.Release.Release();
        var done = await WaitForStateAsync(reader, statusUrl, "done");
        Assert.Equal((56, 56), (done.GetProperty("done").GetInt32(), done.GetProperty("total").GetInt32()));

        // Done: the page offers the file and, without scripts, goes to it.
        page = Parser.ParseDocument(await reader.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        var fileUrl = done.GetProperty("file").GetString()!;
        Assert.False(page.QuerySelector("[data-export-file]")!.HasAttribute("hidden"));
        Assert.Equal(fileUrl, page.QuerySelector("[data-export-file] a")!.GetAttribute("href"));
        Assert.Contains($"0;url={fileUrl}", page.Head!.InnerHtml, StringComparison.Ordinal);
        var file = await reader.GetAsync(new Uri(fileUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await file.Content.ReadAsByteArrayAsync()));
        Assert.Equal(57, workbook.Worksheets.Count);
        Assert.Equal(1, app.Writer.Renders - rendersBefore);
    }

    [Fact]
    public async Task Two_people_starting_the_same_download_follow_one_render()
    {
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        var office = await app.ClientAsync(WorkflowFixture.Office);
        app.Writer.Reset();
        var rendersBefore = app.Writer.Renders;

        var first = await reader.GetAsync(new Uri("/booklets/R6/download?format=excel&stage=results", UriKind.Relative));
        await app.Writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var second = await office.GetAsync(new Uri("/booklets/R6/download?format=excel&stage=results", UriKind.Relative));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var statusUrl = first.Headers.Location!.OriginalString.Replace("/progress", string.Empty, StringComparison.Ordinal);
        Assert.Equal(2, (await JsonAsync(office, statusUrl)).GetProperty("requests").GetInt32());

        app.Writer.Release.Release();
        await WaitForStateAsync(reader, statusUrl, "done");
        Assert.Equal(1, app.Writer.Renders - rendersBefore);
    }

    [Fact]
    public async Task Only_someone_who_may_download_the_booklet_may_follow_its_render()
    {
        var office = await app.ClientAsync(WorkflowFixture.Office);
        var member = await app.ClientAsync(WorkflowFixture.Member);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        app.Writer.Reset();

        var start = await office.GetAsync(new Uri("/booklets/R6/download?format=excel&stage=plan", UriKind.Relative));
        var pageUrl = start.Headers.Location!.OriginalString;
        var statusUrl = pageUrl.Replace("/progress", string.Empty, StringComparison.Ordinal);
        await app.Writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        try
        {
            // R6 is a draft here: a 審議会委員 may not download it, so neither its status, page nor file is theirs.
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri("/booklets/R6.xlsx", UriKind.Relative))).StatusCode);
            foreach (var url in new[] { statusUrl, pageUrl, statusUrl + "/file", "/booklets/R6/download?format=excel&stage=plan" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
                var refused = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Contains("/login", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri($"/booklets/exports/{Guid.NewGuid()}/progress", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri("/booklets/R6/download?format=docx&stage=plan", UriKind.Relative))).StatusCode);
        }
        finally
        {
            app.Writer.Release.Release();
        }

        Assert.Equal("done", (await WaitForStateAsync(office, statusUrl, "done")).GetProperty("state").GetString());
    }

    private static async Task<JsonElement> WaitForStateAsync(HttpClient client, string url, string state)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var job = await JsonAsync(client, url);
            if (job.GetProperty("state").GetString() == state)
            {
                return job;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

/// <summary>A 公表 under way, seen by the 企画課 (its own application: publishing changes the edition for good).</summary>
public sealed class PublishingProgressTests(ProgressApp app) : IClassFixture<ProgressApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Publishing_shows_its_progress_to_the_planning_office_and_cannot_be_started_twice()
    {
        var office = await app.ClientAsync(WorkflowFixture.Office);
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        app.Writer.Reset();
        Assert.Equal("idle", (await JsonAsync(office, "/booklets/R6/publishing")).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri("/booklets/R6/publishing", UriKind.Relative))).StatusCode);
        var list = Parser.ParseDocument(await office.GetStringAsync(new Uri("/booklets", UriKind.Relative)));
        Assert.Equal("/booklets/R6/publishing", list.QuerySelector("form[action='/booklets/R6/publish']")!.GetAttribute("data-progress"));

        var publish = office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>());
        await app.Writer.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        try
        {
            // Part-way: the Excel booklet (after the PDF) at its 16th sheet of 56, of both booklets' 112.
            var running = await JsonAsync(office, "/booklets/R6/publishing");
            Assert.Equal(("running", "計画の公表"), (running.GetProperty("state").GetString(), running.GetProperty("work").GetString()));
            Assert.Equal((56 + 16, 112, "Excel：シートを作成中"), (running.GetProperty("done").GetInt32(), running.GetProperty("total").GetInt32(), running.GetProperty("step").GetString()));

            // Another member of the 企画課 sees it under way, with its progress, and no button to start it again.
            var other = Parser.ParseDocument(await office.GetStringAsync(new Uri("/booklets", UriKind.Relative)));
            Assert.Null(other.QuerySelector("form[action='/booklets/R6/publish']"));
            var box = other.QuerySelector("[data-publishing-status]")!;
            Assert.Equal(("status", "polite", "/booklets/R6/publishing"), (box.GetAttribute("role"), box.GetAttribute("aria-live"), box.GetAttribute("data-publishing-status")));
            Assert.Equal(("112", "72"), (box.QuerySelector("progress")!.GetAttribute("max"), box.QuerySelector("progress")!.GetAttribute("value")));
            Assert.Contains("計画の公表の処理中です：Excel：シートを作成中：72 / 112 シート", box.TextContent, StringComparison.Ordinal);
            Assert.Contains("http-equiv=\"refresh\"", other.Head!.InnerHtml, StringComparison.Ordinal);
        }
        finally
        {
            app.Writer.Release.Release();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await publish).StatusCode);
        Assert.Equal("idle", (await JsonAsync(office, "/booklets/R6/publishing")).GetProperty("state").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(EditionStatus.Published, (await scope.ServiceProvider.Database().Editions.SingleAsync(e => e.Year == new Domain.Common.FiscalYear(6))).Status);
        var after = Parser.ParseDocument(await office.GetStringAsync(new Uri("/booklets", UriKind.Relative)));
        Assert.Null(after.QuerySelector("[data-publishing-status]"));
        Assert.Null(after.QuerySelector("form[action='/booklets/R6/publish']"));
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
