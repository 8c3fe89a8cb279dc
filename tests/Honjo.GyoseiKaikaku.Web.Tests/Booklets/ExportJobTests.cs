using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The real Excel writer behind a seam that counts its renders and holds each one until the test lets it go, so
/// that a second request can arrive while the first render is still running.
/// </summary>
public sealed class GatedExcelWriter : IBookletExcelWriter
{
    private readonly ExcelBookletWriter _real = new();
    private int _renders;

    public int Renders => Volatile.Read(ref _renders);

    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SemaphoreSlim Release { get; } = new(0);

    public byte[] Write(BookletDocument booklet)
    {
        Interlocked.Increment(ref _renders);
        Entered.TrySetResult();
        if (!Release.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException("The test never released the render.");
        }

        return _real.Write(booklet);
    }

    public void Reset() => Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class GatedExportApp : AppFactory, IAsyncLifetime
{
    public GatedExportApp()
        : this(new GatedExcelWriter())
    {
    }

    private GatedExportApp(GatedExcelWriter writer)
        : base(new AppOptions { TestServices = services => services.AddSingleton<IBookletExcelWriter>(writer) })
    {
        Writer = writer;
    }

    public GatedExcelWriter Writer { get; }

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Reader, AppRoles.Viewer);
        await TestUsers.CreateAsync(this, WorkflowFixture.Office, AppRoles.PlanningOffice);
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        var client = CreateClient();
        await client.SignInAsync(user);
        return client;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class ExportJobTests(GatedExportApp app) : IClassFixture<GatedExportApp>
{
    private static readonly BookletExportKey R6Excel = new(new FiscalYear(6), BookletFormat.Excel, BookletStage.Plan);

    [Fact]
    public async Task Two_people_asking_for_the_same_booklet_at_once_cause_one_render_and_get_the_same_file()
    {
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        var office = await app.ClientAsync(WorkflowFixture.Office);
        var rendersBefore = app.Writer.Renders;
        app.Writer.Reset();

        var first = reader.GetAsync("/booklets/R6.xlsx");
        await app.Writer.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var second = office.GetAsync("/booklets/R6.xlsx");
        await WaitForRequestsAsync(2);
        app.Writer.Release.Release();

        var (a, b) = (await first, await second);
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(1, app.Writer.Renders - rendersBefore);
        var bytes = await a.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await b.Content.ReadAsByteArrayAsync());
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("一覧", workbook.Worksheet(1).Name);
        Assert.Equal(57, workbook.Worksheets.Count);
    }

    [Fact]
    public async Task The_progress_endpoint_joins_a_running_download_and_serves_the_same_file_once_done()
    {
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        var rendersBefore = app.Writer.Renders;
        app.Writer.Reset();

        var download = reader.GetAsync("/booklets/R6.xlsx");
        await app.Writer.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var started = await JobAsync(reader, "/booklets/R6/export?format=excel&stage=plan");
        Assert.Equal("running", started.GetProperty("state").GetString());
        Assert.Equal(2, started.GetProperty("requests").GetInt32());
        var id = started.GetProperty("id").GetString();
        app.Writer.Release.Release();

        var downloaded = await (await download).Content.ReadAsByteArrayAsync();
        var done = await JobAsync(reader, $"/booklets/exports/{id}");
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal($"/booklets/exports/{id}/file", done.GetProperty("file").GetString());
        var file = await reader.GetAsync(done.GetProperty("file").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(BookletExportService.ExcelType, file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(downloaded, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, app.Writer.Renders - rendersBefore);
    }

    [Fact]
    public async Task A_request_after_the_render_finished_renders_again_and_unknown_jobs_are_not_found()
    {
        var reader = await app.ClientAsync(WorkflowFixture.Reader);
        var rendersBefore = app.Writer.Renders;

        for (var i = 0; i < 2; i++)
        {
            app.Writer.Reset();
            var download = reader.GetAsync("/booklets/R6.xlsx");
            await app.Writer.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            app.Writer.Release.Release();
            Assert.Equal(HttpStatusCode.OK, (await download).StatusCode);
        }

        // Single-flight, not a cache: a booklet asked for after the last render finished reflects the data then.
        Assert.Equal(2, app.Writer.Renders - rendersBefore);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/booklets/exports/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/booklets/exports/{Guid.NewGuid()}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/booklets/R6/export?format=docx&stage=plan")).StatusCode);
    }

    private async Task WaitForRequestsAsync(int requests)
    {
        var jobs = app.Services.GetRequiredService<ExportJobs>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (jobs.Running(R6Excel)?.Requests is not { } n || n < requests)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
