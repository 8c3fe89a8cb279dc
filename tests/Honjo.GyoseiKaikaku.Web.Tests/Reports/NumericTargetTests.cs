using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Reports;

/// <summary>実績値 for numeric targets through HTTP: entered with the year-end report, judged, and shown on the sheet.</summary>
public sealed class NumericTargetTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    private static Dictionary<string, string> Report(int version, string actual) => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["StatusReport"] = "コンビニ交付の周知を行いました。",
        ["Grade"] = "A",
        ["NextYearPolicy"] = "周知を継続します。",
        ["ActualValue"] = actual,
        ["Command"] = "save",
    };

    [Fact]
    public async Task A_department_enters_the_actual_value_and_sees_the_target_achieved()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var form = await shimin.GetStringAsync(new Uri("/plans/1-9/report", UriKind.Relative));
        Assert.Contains("実績値（件）", form, StringComparison.Ordinal);

        var saved = await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report", Report(await shimin.VersionOnPageAsync("1-9"), "17,000"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await new HtmlParser().ParseDocumentAsync(await shimin.GetStringAsync(new Uri("/plans/1-9/report", UriKind.Relative)));
        var achievement = page.QuerySelector("[data-achievement]")!;
        Assert.Equal("achieved", achievement.GetAttribute("data-achievement"));
        Assert.Contains("達成率 101.2%", achievement.TextContent, StringComparison.Ordinal);
        Assert.Contains("達成", achievement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("未達成", achievement.TextContent, StringComparison.Ordinal);
        Assert.Equal("17000", page.QuerySelector("input[name='ActualValue']")!.GetAttribute("value"));

        // The department's own sheet shows the unaccepted result under the R6 target, and the trend on screen.
        var sheet = await new HtmlParser().ParseDocumentAsync(await shimin.GetStringAsync(new Uri("/plans/1-9", UriKind.Relative)));
        Assert.Equal("実績：17,000件（達成）", sheet.QuerySelector("[data-result='R6']")?.TextContent.Trim());
        Assert.NotNull(sheet.QuerySelector("[data-trend] [data-trend-year='R9']"));

        // 実績値 is audited like every other field of the report.
        var history = await new HtmlParser().ParseDocumentAsync(await shimin.GetStringAsync(new Uri("/plans/1-9/history", UriKind.Relative)));
        var rows = history.QuerySelectorAll("table.history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[2] == "R6年度 実績値" && r[3] == "" && r[4] == "17000");
    }

    [Fact]
    public async Task A_non_number_is_refused_with_a_Japanese_message()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", Report(await shimin.VersionOnPageAsync("1-10"), "たくさん"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("実績値は0以上の数値（件）で入力してください。", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("たくさん", page.QuerySelector("input[name='ActualValue']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_negative_number_is_refused()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", Report(await shimin.VersionOnPageAsync("1-10"), "-5"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("実績値は0以上の数値", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_an_accepted_actual_that_meets_its_target()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var before = await new HtmlParser().ParseDocumentAsync(await office.GetStringAsync(new Uri("/summary?year=R6", UriKind.Relative)));
        var achievedBefore = int.Parse(before.QuerySelector("[data-count='numeric-achieved']")!.TextContent, CultureInfo.InvariantCulture);

        // 1-1's R6 target reads as a number: 満足・やや満足と回答した割合：80%以上. The 企画課 may enter any report.
        var form = Report(await office.VersionOnPageAsync("1-1"), "85");
        form["Command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-1/report", "/plans/1-1/report", form)).StatusCode);
        var version = int.Parse((await new HtmlParser().ParseDocumentAsync(await office.GetStringAsync(new Uri("/plans/1-1/report", UriKind.Relative))))
            .QuerySelector("form[action$='/accept'] input[name='Version']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-1/report", "/plans/1-1/report/accept",
            new Dictionary<string, string> { ["Version"] = version.ToString(CultureInfo.InvariantCulture) })).StatusCode);

        var after = await new HtmlParser().ParseDocumentAsync(await office.GetStringAsync(new Uri("/summary?year=R6", UriKind.Relative)));
        Assert.Equal(achievedBefore + 1, int.Parse(after.QuerySelector("[data-count='numeric-achieved']")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal("達成", after.QuerySelector("[data-section='numeric-targets'] tr[data-plan='1-1'] td:last-child")!.TextContent.Trim());
        var trendR6 = after.QuerySelectorAll("tr[data-trend='R6'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(after.QuerySelector("[data-count='numeric-targets']")!.TextContent, trendR6[0]);
        Assert.Equal((achievedBefore + 1).ToString(CultureInfo.InvariantCulture), trendR6[2]);
    }
}
