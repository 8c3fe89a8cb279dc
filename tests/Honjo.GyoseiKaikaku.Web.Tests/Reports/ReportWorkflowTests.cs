using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Reports;

/// <summary>The year-end workflow through HTTP: who may do what, the states, conflicts and the history.</summary>
public sealed class ReportWorkflowTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    private static readonly FiscalYear R6 = new(6);

    private static Dictionary<string, string> Report(string text, string grade, string policy, string command, int version = 0) => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StatusReport"] = text,
        ["Grade"] = grade,
        ["NextYearPolicy"] = policy,
        ["Command"] = command,
    };

    [Fact]
    public async Task Anonymous_requests_are_sent_to_the_Japanese_sign_in_page()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/plans/1-9/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var login = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Contains("サインイン", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_editor_cannot_even_open_another_departments_report()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var own = await shimin.GetAsync(new Uri("/plans/1-10/report", UriKind.Relative));
        var other = await shimin.GetAsync(new Uri("/plans/1-1/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("アクセスできません", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_post_to_another_departments_plan_is_refused_and_changes_nothing()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.PostFormAsync("/plans/1-10/report", "/plans/1-22/report", Report("改ざん", "A", "改ざん", "save"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await app.StoredReportAsync("1-22"));
    }

    [Fact]
    public async Task Submitting_an_incomplete_report_names_what_is_missing_and_keeps_the_input()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var version = await shimin.VersionOnPageAsync("1-10");

        var response = await shimin.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", Report("途中の報告", "", "", "submit", version));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("提出するには年度末評価・次年度に向けた取組方針を入力してください。", body, StringComparison.Ordinal);
        Assert.Contains("途中の報告", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_return_resubmit_accept_and_the_accepted_report_is_locked_for_the_department()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var submitted = await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report", Report("交付件数は17,000件。", "A", "周知を続けます。", "submit", await shimin.VersionOnPageAsync("1-9")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ReportStatus.Submitted, (await app.StoredReportAsync("1-9"))!.Status);

        var version = (await app.StoredReportAsync("1-9"))!.Version;
        var returned = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/return", new Dictionary<string, string> { ["Version"] = $"{version}", ["Comment"] = "目標値との比較を書いてください。" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = await shimin.GetStringAsync(new Uri("/plans/1-9/report", UriKind.Relative));
        Assert.Contains("目標値との比較を書いてください。", page, StringComparison.Ordinal);

        var resubmitted = await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report", Report("交付件数は17,000件（目標16,800件）。", "A", "周知を続けます。", "submit", await shimin.VersionOnPageAsync("1-9")));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        version = (await app.StoredReportAsync("1-9"))!.Version;
        var accepted = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/accept", new Dictionary<string, string> { ["Version"] = $"{version}" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(ReportStatus.Accepted, (await app.StoredReportAsync("1-9"))!.Status);

        var locked = await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report", Report("書き換え", "C", "書き換え", "save", (await app.StoredReportAsync("1-9"))!.Version));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("確認済のため編集できません", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("交付件数は17,000件（目標16,800件）。", (await app.StoredReportAsync("1-9"))!.StatusReport);
        Assert.DoesNotContain("name=\"StatusReport\"", await shimin.GetStringAsync(new Uri("/plans/1-9/report", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_and_shows_what_the_other_person_changed()
    {
        var first = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var second = await app.SignedInClientAsync(WorkflowFixture.Office);
        var version = await first.VersionOnPageAsync("1-10");
        Assert.Equal(version, await second.VersionOnPageAsync("1-10"));

        var saved = await first.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", Report("市民課の報告", "B", "市民課の方針", "save", version) );
        var conflict = await second.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", Report("企画課の上書き", "C", "企画課の方針", "save", version));
        var body = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("他の人がこの報告を先に保存しました", body, StringComparison.Ordinal);
        Assert.Contains("市民課の報告", body, StringComparison.Ordinal);
        Assert.Contains("企画課の上書き", body, StringComparison.Ordinal);
        Assert.Equal("市民課の報告", (await app.StoredReportAsync("1-10"))!.StatusReport);
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_who_which_field_before_and_after()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        await joho.PostFormAsync("/plans/1-4/report", "/plans/1-4/report", Report("1件公開しました。", "B", "継続します。", "save", await joho.VersionOnPageAsync("1-4")));

        var history = await new HtmlParser().ParseDocumentAsync(await joho.GetStringAsync(new Uri("/plans/1-4/history", UriKind.Relative)));
        var rows = history.QuerySelectorAll("table.history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();

        Assert.Contains(rows, r => r[1].Contains("t-joho", StringComparison.Ordinal) && r[2] == "R6年度 取組状況報告" && r[3] == "" && r[4] == "1件公開しました。");
        Assert.Contains(rows, r => r[2] == "R6年度 状態" && r[3] == "未着手" && r[4] == "下書き");
        Assert.DoesNotContain("<form", history.QuerySelector("table.history")!.OuterHtml, StringComparison.Ordinal);

        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var readerView = await reader.GetStringAsync(new Uri("/plans/1-4/history", UriKind.Relative));
        Assert.DoesNotContain("1件公開しました。", readerView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_not_shown_on_the_sheet_to_readers_but_is_to_the_department()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        await joho.PostFormAsync("/plans/2-18/report", "/plans/2-18/report", Report("ペーパーレス会議を10回実施。", "", "", "save", await joho.VersionOnPageAsync("2-18")));

        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        Assert.DoesNotContain("ペーパーレス会議を10回実施。", await reader.GetStringAsync(new Uri("/plans/2-18", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("ペーパーレス会議を10回実施。", await joho.GetStringAsync(new Uri("/plans/2-18", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_plans_lists_the_editors_plans_with_state_and_next_step()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);

        var page = await new HtmlParser().ParseDocumentAsync(await joho.GetStringAsync(new Uri("/my/plans", UriKind.Relative)));

        Assert.Equal(["1-4", "2-18"], page.QuerySelectorAll("tr[data-plan]").Select(r => r.GetAttribute("data-plan")));
    }
}
