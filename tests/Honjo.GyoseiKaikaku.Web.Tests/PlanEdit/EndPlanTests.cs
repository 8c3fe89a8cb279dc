using System.Net;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.PlanEdit;

/// <summary>完了・廃止・統合 by the 企画課 as of an edition's year: recorded with a reason, shown in 終了, not carried on.</summary>
public sealed class EndPlanTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_plan_ended_in_R7_shows_its_end_year_and_is_not_carried_into_R8()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);

        // In R6 the plan can no longer end: R7 holds it.
        await office.PostFormAsync("/plans/1-9/edit?year=R6", "/plans/1-9/end?year=R6", new Dictionary<string, string> { ["Kind"] = "Abolished", ["Reason"] = "x" });
        Assert.Contains("令和7年度版にも載っている", (await office.GetDocumentAsync("/plans/1-9/edit?year=R6")).QuerySelector("[data-end-error]")!.TextContent, StringComparison.Ordinal);

        // Every exit needs a reason; 統合 needs the plan it joins.
        await office.PostFormAsync("/plans/1-10/edit?year=R7", "/plans/1-10/end?year=R7", new Dictionary<string, string> { ["Kind"] = "Abolished", ["Reason"] = "" });
        Assert.Contains("廃止の理由を入力してください。", (await office.GetDocumentAsync("/plans/1-10/edit?year=R7")).QuerySelector("[data-end-error]")!.TextContent, StringComparison.Ordinal);
        await office.PostFormAsync("/plans/1-11/edit?year=R7", "/plans/1-11/end?year=R7", new Dictionary<string, string> { ["Kind"] = "Merged", ["Reason"] = "一体で進めるため" });
        Assert.Contains("統合先の計画番号", (await office.GetDocumentAsync("/plans/1-11/edit?year=R7")).QuerySelector("[data-end-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await EndedAsync(1, 10));

        var abolished = await office.PostFormAsync("/plans/1-10/edit?year=R7", "/plans/1-10/end?year=R7", new Dictionary<string, string> { ["Kind"] = "Abolished", ["Reason"] = "国の制度が変わったため" });
        Assert.Equal(HttpStatusCode.Redirect, abolished.StatusCode);
        var merged = await office.PostFormAsync("/plans/1-11/edit?year=R7", "/plans/1-11/end?year=R7", new Dictionary<string, string> { ["Kind"] = "Merged", ["Reason"] = "一体で進めるため", ["MergedInto"] = "1-12" });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var r10 = (await EndedAsync(1, 10))!;
        Assert.Equal((PlanEndKind.Abolished, 7, "国の制度が変わったため"), (r10.EndKind!.Value, r10.EndedYear!.Value.Reiwa, r10.EndReason));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var into = await db.PlanKeys.SingleAsync(k => k.FieldNumber == 1 && k.Number == 12);
            Assert.Equal(into.Id, (await db.PlanKeys.SingleAsync(k => k.FieldNumber == 1 && k.Number == 11)).MergedIntoId);
        }

        // The R7 目次 prints the end year; the history keeps the exit and its reason.
        var r7 = await office.GetDocumentAsync("/plans?year=R7");
        Assert.Equal("R7", r7.QuerySelectorAll("tr[data-plan='1-10'] td.toc__year")[1].TextContent.Trim());
        var history = (await office.GetDocumentAsync("/plans/1-10/history?year=R7")).QuerySelector("table.history")!.TextContent;
        Assert.Contains("廃止（R7）：国の制度が変わったため", history, StringComparison.Ordinal);

        // R8 carries neither; once R7 is published its changes are open data too (a draft's are 404).
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/opendata/changes/R7.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R7/publish", new Dictionary<string, string>())).StatusCode);
        var csv = await anonymous.GetByteArrayAsync(new Uri("/opendata/changes/R7.csv", UriKind.Relative));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("edition,change,plan_id,plan_name,change_type,reason,field_or_end_year,before,after", lines[0]);
        // R7 against R6: the plans that ended in R6 left; 1-10 and 1-11 end after R7, so they leave in R8's changes.
        Assert.Contains(lines, l => l.StartsWith("R7,完了,1-13,", StringComparison.Ordinal) && l.Contains("達成目標年度（令和6年度）に達したため完了", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",1-10,", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(await anonymous.GetByteArrayAsync(new Uri("/opendata/changes/R7.json", UriKind.Relative)));
        Assert.Equal("R6", json.RootElement.GetProperty("previous").GetString());
        Assert.Contains(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("plan_id").GetString() == "2-8" && c.GetProperty("change").GetString() == "完了");
        var r8 = await office.GetDocumentAsync("/booklets/R7/next");
        var listed = r8.QuerySelectorAll("tr[data-plan]").Select(tr => tr.GetAttribute("data-plan")).ToList();
        Assert.DoesNotContain("1-10", listed);
        Assert.DoesNotContain("1-11", listed);
        Assert.Contains("1-12", listed);
    }

    private async Task<PlanKey?> EndedAsync(int field, int number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().PlanKeys.AsNoTracking()
            .SingleAsync(k => k.FieldNumber == field && k.Number == number) is { EndedYear: not null } key ? key : null;
    }
}
