using System.Net;
using System.Text.Json;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Summaries;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Honjo.GyoseiKaikaku.Web.Tests.Operations;

/// <summary>The application as production runs it (environment Production), with its log captured.</summary>
public sealed class OperatedApp() : AppFactory(new AppOptions { Environment = "Production" });

/// <summary>What an operator and a load balancer see: /healthz and a log line per request that names the user.</summary>
public sealed class OperationsTests(OperatedApp app) : IClassFixture<OperatedApp>
{
    [Fact]
    public async Task Healthz_answers_without_sign_in_with_the_database_and_the_pdf_engine_in_json()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var latest = scope.ServiceProvider.Database().Database.GetMigrations().Last();
            Assert.Equal(latest, database.GetProperty("data").GetProperty("lastMigration").GetString());
        }
        Assert.True(body.RootElement.GetProperty("checks").TryGetProperty("pdf", out _));
    }

    [Fact]
    public async Task Healthz_is_503_when_the_database_lacks_a_migration()
    {
        using var stale = new AppFactory();
        _ = stale.Services;
        await using (var scope = stale.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.Database().Database.ExecuteSqlRawAsync(
                """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""");
        }

        var response = await stale.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("1 migrations are not applied", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_pdf_browser_health_is_degraded_not_failed_and_start_and_every_refused_export_log_a_warning()
    {
        using var noBrowser = AppFactory.Create(new() { Settings = new Dictionary<string, string?> { ["Pdf:BrowserPath"] = "/nonexistent/chromium" } });
        await TestUsers.CreateAsync(noBrowser, "o-kanri", AppRoles.Viewer);
        var client = noBrowser.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await client.SignInAsync("o-kanri");
        var booklet = await client.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var first = await client.GetAsync(new Uri("/summary.pdf?year=R5", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/summary.pdf?year=R6", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("checks").GetProperty("pdf").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // The booklet is written by the application (ADR 0036): it downloads without the browser; the summaries do not.
        Assert.Equal(HttpStatusCode.OK, booklet.StatusCode);
        Assert.Equal("application/pdf", booklet.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        var warnings = noBrowser.Log.WithEventId(PdfEvents.Unavailable.Id);
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.All(warnings, w => Assert.Contains("/nonexistent/chromium", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_ends_with_a_log_line_naming_request_id_path_user_and_status()
    {
        await TestUsers.CreateAsync(app, "o-viewer", AppRoles.Viewer);
        var client = app.CreateClient();
        await client.SignInAsync("o-viewer");

        var response = await client.GetAsync(new Uri("/plans/1-9", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = app.Log.WithEventId(2001).Last(r => r["Path"] == "/plans/1-9");
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("o-viewer", line["UserName"]);
        Assert.Equal("200", line["StatusCode"]);
        Assert.Equal("GET", line["Method"]);
        Assert.False(string.IsNullOrEmpty(line["RequestId"]));
    }

    [Fact]
    public async Task A_500_is_an_error_line_with_request_id_path_user_and_status()
    {
        var writer = new Mock<ISummaryWorkbookWriter>();
        writer.Setup(w => w.Write(It.IsAny<IReadOnlyList<SummaryTable>>())).Throws(new InvalidOperationException("disk full"));
        using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(writer.Object)));
        await TestUsers.CreateAsync(app, "o-failing", AppRoles.Viewer);
        var client = broken.CreateClient();
        await client.SignInAsync("o-failing");

        var response = await client.GetAsync(new Uri("/summary.xlsx?year=R5", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = app.Log.WithEventId(2001).Last(r => r["Path"] == "/summary.xlsx");
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Equal("o-failing", line["UserName"]);
        Assert.Equal("500", line["StatusCode"]);
        Assert.False(string.IsNullOrEmpty(line["RequestId"]));
        Assert.Contains(app.Log.Records, r => r.Level == LogLevel.Error && r.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }
}
