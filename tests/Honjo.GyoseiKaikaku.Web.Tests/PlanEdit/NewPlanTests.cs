using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.PlanEdit;

/// <summary>新規計画: added to a draft edition with the next free number, validated in Japanese, placed in the 目次.</summary>
public sealed class NewPlanTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task The_planning_office_adds_a_plan_to_R7_with_the_next_free_number_and_it_takes_its_place_in_the_contents()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);

        // R6 is published: no new plan there.
        var closed = await office.GetAsync(new Uri("/plans/new?year=R6", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("公表済みのため、新しい計画は追加できません", (await closed.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);
        var plansBefore = await PlanCountAsync();

        var page = await office.GetDocumentAsync("/plans/new?year=R7&field=1");
        var form = page.FormFields("form.report-form");
        Assert.Equal("27", form["Number"]);
        Assert.Equal("R7", form["StartYear"]);

        // Every problem at once, in Japanese, and nothing saved.
        var refused = await office.PostFormAsync("/plans/new?year=R7", "/plans/new?year=R7", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var alert = (await refused.ParseAsync()).QuerySelector("[role='alert']")!.TextContent;
        Assert.Contains("計画名を入力してください。", alert, StringComparison.Ordinal);
        Assert.Contains("実行課を1つ以上指定してください。", alert, StringComparison.Ordinal);
        Assert.Contains("改革の視点を選んでください。", alert, StringComparison.Ordinal);
        Assert.Equal(plansBefore, await PlanCountAsync());

        // A number already used (even by a plan of an earlier edition) is refused with the free one named.
        var taken = new Dictionary<string, string>(form) { ["Number"] = "13", ["Name"] = "重複", ["Perspective"] = "ActiveIct", ["ExecutingDepartmentIds"] = "1" };
        var duplicate = await office.PostFormAsync("/plans/new?year=R7", "/plans/new?year=R7", taken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("番号1-13は既に使われています（この分野の次の空き番号は1-27です）", (await duplicate.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        form["Name"] = "窓口のオンライン予約";
        form["ExecutingDepartmentIds"] = "5";
        form["Perspective"] = "ActiveIct";
        form["Targets[R7]"] = "予約件数 1,000件";
        var created = await office.PostFormAsync("/plans/new?year=R7", "/plans/new?year=R7", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/plans/1-27?year=R7", created.Headers.Location!.OriginalString);

        var sheet = await office.GetDocumentAsync("/plans/1-27?year=R7");
        Assert.Equal("R7", sheet.Cell("start"));
        var rows = (await office.GetDocumentAsync("/plans?year=R7")).PlanRows().ToList();
        Assert.Equal(rows.IndexOf("1-26") + 1, rows.IndexOf("1-27"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri("/plans/1-27?year=R6", UriKind.Relative))).StatusCode);
        Assert.Equal(plansBefore + 1, await PlanCountAsync());
    }

    [Fact]
    public async Task Only_the_planning_office_may_add_a_plan()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.GetAsync(new Uri("/plans/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.PostFormAsync("/plans", "/plans/new", new Dictionary<string, string> { ["Name"] = "x" })).StatusCode);
    }

    private async Task<int> PlanCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().Plans.CountAsync();
    }
}
