using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests.Progress;

/// <summary>The application on a fake clock that the test moves; the server's own time zone plays no part.</summary>
public sealed class FakeClockApp() : AppFactory(new AppOptions { Clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 30, 14, 0, 0, TimeSpan.Zero)) }), IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, WorkflowFixture.Shimin, AppRoles.DepartmentEditor, "市民課");
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        (await db.Editions.SingleAsync()).SetReportDeadline(new DateOnly(2025, 4, 30));
        await db.SaveChangesAsync();

        // Department entry of the R6 reports opens at 計画の公表.
        await this.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>"Today", the deadline and "late" are Japan's, whatever the server's zone.</summary>
public sealed class LateReportTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task A_report_is_late_from_midnight_in_Japan_after_the_deadline_not_from_midnight_UTC()
    {
        // 23:59 on 30 April in Japan (14:59 UTC): the deadline day is not over.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 4, 30, 14, 59, 0, TimeSpan.Zero));
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        Assert.Equal("0", (await office.GetDocumentAsync("/progress")).QuerySelector("[data-count='late'] a")!.TextContent.Trim());
        Assert.DoesNotContain("期限超過", (await shimin.GetDocumentAsync("/my/plans")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        // 00:00 on 1 May in Japan, still 30 April in UTC: every report not handed in is late.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 4, 30, 15, 0, 0, TimeSpan.Zero));
        Assert.NotEqual("0", (await office.GetDocumentAsync("/progress")).QuerySelector("[data-count='late'] a")!.TextContent.Trim());
        Assert.Contains("期限超過", (await shimin.GetDocumentAsync("/my/plans")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>Every moment a page prints is Japan time.</summary>
public sealed class JapanTimeStampTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task Times_on_pages_are_printed_in_Japan_time()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 5, 10, 16, 30, 0, TimeSpan.Zero));
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        await shimin.PostReportAsync("1-10", await shimin.OpenFormAsync("1-10", "時刻の確認", "B", "方針", "submit"));
        var page = await shimin.GetDocumentAsync("/plans/1-10/report");

        // 16:30 UTC on 10 May is 01:30 on 11 May in Japan.
        Assert.Contains("2025/05/11 01:30 に提出しました", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>A date is written 2025年4月30日 on every page and in every message (docs/dates-and-years.md).</summary>
public sealed class JapanDateTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task The_deadline_and_the_publication_date_are_written_as_Japanese_dates()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        Assert.Contains("提出期限：2025年4月30日", (await shimin.GetDocumentAsync("/my/plans")).QuerySelector(".page-head")!.TextContent, StringComparison.Ordinal);

        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var set = await office.PostFormAsync("/progress", "/progress/deadline", new Dictionary<string, string> { ["Deadline"] = "2025-05-15" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("提出期限を2025年5月15日に設定しました。", (await office.GetDocumentAsync("/progress")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("提出期限：2025年5月15日", (await shimin.GetDocumentAsync("/my/plans")).QuerySelector(".page-head")!.TextContent, StringComparison.Ordinal);

        var published = (await office.GetDocumentAsync("/opendata")).QuerySelector("tr[data-edition='R6']")!;
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", published.QuerySelectorAll("td")[1].TextContent.Trim());
    }
}
