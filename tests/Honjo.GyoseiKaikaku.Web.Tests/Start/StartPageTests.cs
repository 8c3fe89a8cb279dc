using System.Net;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Start;

/// <summary>The start page of each role at "/": the 企画課's queue, a department's to-do list, the summary for 閲覧.</summary>
public sealed class StartPageTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    [Fact]
    public async Task The_planning_office_works_through_its_queue_from_the_start_page_keeping_its_filter()
    {
        using var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        using var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        using var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        await shimin.SubmitReportAsync("1-9");
        await joho.SubmitReportAsync("2-18");
        await shimin.SubmitReportAsync("1-10");
        var shiminId = await app.DepartmentIdAsync("市民課");

        // Everything waiting, oldest submission first, each one click from its report.
        var start = await office.GetDocumentAsync("/");
        Assert.Equal(new[] { "1-9", "2-18", "1-10" }, Rows(start, "waiting"));
        Assert.Equal("/plans/1-9/report?year=R6&queue=review", start.QuerySelector("[data-section='waiting'] tr[data-plan='1-9'] a")!.GetAttribute("href"));

        // Filtered to 市民課: the links carry the filter.
        var filtered = await office.GetDocumentAsync($"/?department={shiminId}");
        Assert.Equal(new[] { "1-9", "1-10" }, Rows(filtered, "waiting"));
        var link = filtered.QuerySelector("[data-section='waiting'] tr[data-plan='1-9'] a")!.GetAttribute("href")!;
        Assert.Equal($"/plans/1-9/report?year=R6&queue=review&qdept={shiminId}", link);

        // The report opened from the queue offers the next one; after 確認済 the page still does, with the same filter.
        var report = await office.GetDocumentAsync(link);
        Assert.Equal("1-10", report.QuerySelector("[data-queue-next]")!.GetAttribute("data-queue-next"));
        var accepted = await office.PostFormAsync(link, "/plans/1-9/report/accept", new Dictionary<string, string>
        {
            ["Version"] = ReportForms.Int((await app.StoredReportAsync("1-9"))!.Version),
            ["Queue"] = "review",
            ["QueueDepartment"] = ReportForms.Int(shiminId),
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await office.GetDocumentAsync(accepted.Headers.Location!.OriginalString);
        Assert.Equal(ReportStatus.Accepted, (await app.StoredReportAsync("1-9"))!.Status);
        var next = after.QuerySelector("[data-queue-next]")!;
        Assert.Equal("1-10", next.GetAttribute("data-queue-next"));
        Assert.Equal($"/plans/1-10/report?year=R6&queue=review&qdept={shiminId}", next.GetAttribute("href"));

        // 差戻し of the last one in 市民課's queue: nothing further in that filter (2-18 is another department's).
        var returned = await office.PostFormAsync(next.GetAttribute("href")!, "/plans/1-10/report/return", new Dictionary<string, string>
        {
            ["Version"] = ReportForms.Int((await app.StoredReportAsync("1-10"))!.Version),
            ["Comment"] = "実績の数値を入れてください。",
            ["Queue"] = "review",
            ["QueueDepartment"] = ReportForms.Int(shiminId),
        });
        var last = await office.GetDocumentAsync(returned.Headers.Location!.OriginalString);
        Assert.NotNull(last.QuerySelector("[data-queue-empty]"));
        Assert.Equal($"/?department={shiminId}", last.QuerySelector("[data-queue] a")!.GetAttribute("href"));

        // The start page now lists 1-10 as returned and waiting for the department.
        var inbox = await office.GetDocumentAsync("/");
        Assert.Equal(new[] { "2-18" }, Rows(inbox, "waiting"));
        Assert.Equal(new[] { "1-10" }, Rows(inbox, "returned"));

        // The department's start page puts the returned report first, with the 企画課's comment and the way to resubmit.
        var home = await shimin.GetDocumentAsync("/");
        var first = home.QuerySelector("[data-section='todo'] tbody tr")!;
        Assert.Equal(("1-10", "Returned"), (first.GetAttribute("data-plan"), first.GetAttribute("data-status")));
        Assert.Contains("実績の数値を入れてください。", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("修正して再提出する", first.QuerySelector("[data-next-action]")!.TextContent);
        Assert.Contains(home.QuerySelectorAll("[data-section='unread'] a"), a => a.TextContent.Contains("差し戻されました", StringComparison.Ordinal));

        // Late departments: once the deadline has passed, 市民課 (1-10 not handed in) is listed, one click from its plans.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            (await db.Editions.SingleAsync()).SetReportDeadline(new DateOnly(2025, 5, 30));
            await db.SaveChangesAsync();
        }

        var late = (await office.GetDocumentAsync("/")).QuerySelector("[data-late-department='市民課'] a")!;
        Assert.Equal($"/progress?year=R6&late=true&department={shiminId}", late.GetAttribute("href"));
    }

    [Fact]
    public async Task A_viewer_starts_on_the_summary()
    {
        using var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);

        var response = await reader.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/summary", response.Headers.Location!.OriginalString);
    }

    private static List<string> Rows(AngleSharp.Dom.IDocument page, string section) =>
        page.QuerySelectorAll($"[data-section='{section}'] tbody tr[data-plan]").Select(tr => tr.GetAttribute("data-plan")!).ToList();
}
