using System.Net;
using System.Security.Cryptography;
using System.Text;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The year's two milestones through HTTP: 計画の公表 fixes the plan, 実績の確定 waits for every report to be accepted and
/// then fixes the year's reports on every path, with the results booklet and open data stored.
/// </summary>
public sealed class EditionMilestoneHttpTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private const string ClosedReport = "確定試験の報告です";
    private static readonly FiscalYear R6 = new(6);

    [Fact]
    public async Task The_year_closes_only_after_the_plan_is_published_and_every_report_is_accepted_and_then_stays_closed()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        // Before 計画の公表 the year cannot be closed.
        await office.PostFormAsync("/booklets", "/booklets/R6/close", new Dictionary<string, string>());
        Assert.Contains("計画の公表の後", await ErrorOnEditionsPageAsync(office), StringComparison.Ordinal);
        Assert.Equal(EditionStatus.Draft, (await EditionAsync()).Status);

        // 計画の公表 fixes the plan: the edit form is refused and nothing changes.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        var form = (await office.GetDocumentAsync("/plans/1-9/edit")).FormFields("form.report-form");
        form["Name"] = "公表後の改名";
        var edit = await office.PostFormAsync("/plans/1-9/edit", "/plans/1-9/edit", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Contains("公表済みの版", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("公表後の改名", await NameAsync(1, 9));

        // One report is submitted, none accepted: the year cannot be closed, and the refusal names how many are missing.
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.PostReportAsync("1-9", await shimin.OpenFormAsync("1-9", ClosedReport, "A", "続けます。", "submit"))).StatusCode);
        await office.PostFormAsync("/booklets", "/booklets/R6/close", new Dictionary<string, string>());
        var running = await RunningPlansAsync();
        Assert.Contains($"{running}件がまだ確認済ではありません", await ErrorOnEditionsPageAsync(office), StringComparison.Ordinal);
        Assert.Equal(EditionStatus.Published, (await EditionAsync()).Status);

        // The 企画課 accepts 1-9 on screen and, for this test, every other report directly.
        var version = (await app.StoredReportAsync("1-9"))!.Version;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/accept", new Dictionary<string, string> { ["Version"] = $"{version}" })).StatusCode);
        await app.AcceptEveryReportAsync(R6);

        var closed = await office.PostFormAsync("/booklets", "/booklets/R6/close", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var edition = await EditionAsync();
        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.Equal(4, edition.Files.Count(f => f.Kind == PublishedKind.Results));
        Assert.All(await ReportsOfYearAsync(), r => Assert.True(r.IsClosed));

        // Closed on every path: the form, review actions, and nothing in the database moves.
        var before = await app.StoredReportAsync("1-9");
        var save = await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report",
            new Dictionary<string, string> { ["Version"] = $"{before!.Version}", ["StatusReport"] = "確定後の書き換え", ["Grade"] = "C", ["NextYearPolicy"] = "x", ["Command"] = "save" });
        var reopen = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/reopen",
            new Dictionary<string, string> { ["Version"] = $"{before.Version}", ["Comment"] = "確定後の再開" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, save.StatusCode);
        Assert.Contains("確定済", await save.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reopen.StatusCode);
        var after = await app.StoredReportAsync("1-9");
        Assert.Equal((before.Version, before.StatusReport, before.Status), (after!.Version, after.StatusReport, after.Status));
        var page = await shimin.GetDocumentAsync("/plans/1-9/report");
        Assert.NotNull(page.QuerySelector("[data-closed]"));
        Assert.Null(page.QuerySelector("form.report-form"));

        // The results booklet carries the year's reports; the plan booklet stays as published, its R6 rows empty.
        var results = await office.GetAsync(new Uri("/booklets/R6/results.pdf", UriKind.Relative));
        var resultsBytes = await results.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(resultsBytes)), results.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Contains(ClosedReport, PdfText(resultsBytes), StringComparison.Ordinal);
        var plan = await office.GetByteArrayAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        Assert.Equal(edition.FileOf(PublishedFormat.Pdf, PublishedKind.Plan)!.Sha256, Convert.ToHexStringLower(SHA256.HashData(plan)));
        Assert.DoesNotContain(ClosedReport, PdfText(plan), StringComparison.Ordinal);

        // Open data now serves the closed year's results.
        var csv = Encoding.UTF8.GetString(await app.CreateClient().GetByteArrayAsync(new Uri("/opendata/R6.csv", UriKind.Relative)));
        Assert.Contains(ClosedReport, csv, StringComparison.Ordinal);
        var editions = await office.GetDocumentAsync("/booklets");
        Assert.Equal("Closed", editions.QuerySelector("tr[data-edition='R6']")!.GetAttribute("data-edition-status"));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Text).Where(c => !char.IsWhiteSpace(c)));
    }

    private static async Task<string> ErrorOnEditionsPageAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/booklets")).QuerySelector(".form-errors")?.TextContent ?? string.Empty;

    private async Task<BookletEdition> EditionAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().Editions.AsNoTracking().Include(e => e.Files).SingleAsync(e => e.Year == R6);
    }

    private async Task<string> NameAsync(int field, int number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().Plans.Where(p => p.FieldNumber == field && p.Number == number).Select(p => p.Name).SingleAsync();
    }

    private async Task<int> RunningPlansAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().Plans.RunningIn(R6).CountAsync();
    }

    private async Task<List<YearEndReport>> ReportsOfYearAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().YearEndReports.AsNoTracking().Where(r => r.Year == R6).ToListAsync();
    }
}
