using System.Net;
using AngleSharp.Dom;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>Making 令和7年度版 from 令和6年度版 through HTTP: the preview, its defaults, the refusals, and R6 left as it stood.</summary>
public sealed class NextEditionTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private static readonly string[] EndingInR6 = ["1-13", "2-8", "2-12", "2-13", "3-8"];
    private static readonly FiscalYear R7 = new(7);

    [Fact]
    public async Task The_planning_office_makes_R7_from_the_published_R6_and_R6_reads_as_before()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        // A draft edition cannot be the source: the page says why, and nothing is made.
        var early = await office.GetAsync(new Uri("/booklets/R6/next", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("まだ計画を公表していません", (await early.ParseAsync()).QuerySelector("[data-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);

        var r6Index = (await office.GetDocumentAsync("/plans?year=R6")).PlanRows();
        var r6Sheets = new Dictionary<string, string>();
        foreach (var id in new[] { "1-9", "1-13", "3-8" })
        {
            r6Sheets[id] = Cells(await office.GetDocumentAsync($"/plans/{id}?year=R6"));
        }

        // The preview: what ends (達成目標年度 R6), what carries over, which R6 reports are still open.
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(EndingInR6, preview.QuerySelectorAll("table[data-ending] tr[data-plan]").Select(tr => tr.GetAttribute("data-plan")!));
        Assert.Equal(56 - EndingInR6.Length, preview.QuerySelectorAll("table[data-carried] tr[data-plan]").Length);
        Assert.NotNull(preview.QuerySelector("[data-unaccepted]"));

        // Posting the preview unchanged takes its defaults.
        var created = await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/plans?year=R7", created.Headers.Location!.OriginalString);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var r7 = await db.Editions.SingleAsync(e => e.Year == R7);
            Assert.Equal(EditionStatus.Draft, r7.Status);
            Assert.Equal("令和7年度 実施計画シート(案)", r7.Title);
            Assert.Equal(56 - EndingInR6.Length, await db.Plans.InEdition(r7.Id).CountAsync());
            var ended = await db.PlanKeys.Where(k => k.EndedYear != null).OrderBy(k => k.FieldNumber).ThenBy(k => k.Number).ToListAsync();
            Assert.Equal(EndingInR6, ended.Select(k => k.PlanNumber.ToString()));
            Assert.All(ended, k => Assert.Equal((PlanEndKind.Completed, new FiscalYear(6)), (k.EndKind!.Value, k.EndedYear!.Value)));
        }

        // R7 lists the carried plans only; an ended plan is a 404 there and still readable in R6.
        var r7Index = (await office.GetDocumentAsync("/plans?year=R7")).PlanRows();
        Assert.Equal(r6Index.Except(EndingInR6), r7Index);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri("/plans/1-13?year=R7", UriKind.Relative))).StatusCode);

        // The R7 sheet asks for the R7 report and R8 policy, and shows the earlier accepted grades (R5).
        var sheet = await office.GetDocumentAsync("/plans/1-9?year=R7");
        Assert.Contains("R7年度末の取組状況報告", sheet.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R8年度に向けた取組方針", sheet.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R5", sheet.QuerySelector("[data-cell='earlier-grades']")?.TextContent ?? sheet.Body!.TextContent, StringComparison.Ordinal);

        // The published R6 目次 reads as it was published: the 完了 decided while making R7 is not printed in its 終了
        // column; R7's changes list it with its year.
        var r6Rows = await office.GetDocumentAsync("/plans?year=R6");
        Assert.Equal(string.Empty, r6Rows.QuerySelectorAll("tr[data-plan='1-13'] td.toc__year")[1].TextContent.Trim());
        Assert.Equal(string.Empty, r6Rows.QuerySelectorAll("tr[data-plan='1-9'] td.toc__year")[1].TextContent.Trim());
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"1-13[\s\S]*完了[\s\S]*令和6年度"), (await office.GetDocumentAsync("/booklets/R7/changes")).QuerySelector("main")!.TextContent);

        // R6 reads exactly as before, and stays the default edition while R7 is a draft.
        Assert.Equal(r6Index, (await office.GetDocumentAsync("/plans?year=R6")).PlanRows());
        Assert.Equal(r6Index, (await office.GetDocumentAsync("/plans")).PlanRows());
        foreach (var (id, cells) in r6Sheets)
        {
            Assert.Equal(cells, Cells(await office.GetDocumentAsync($"/plans/{id}?year=R6")));
        }

        // A second R7 is refused and nothing is added.
        var again = await office.PostFormAsync("/booklets", "/booklets/R6/next", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("令和7年度版は既にあります", (await again.ParseAsync()).QuerySelector("[data-refusal]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.Database().Editions.CountAsync());
        }

        // The department's R7 report opens at R7's 計画の公表: while R7 is a draft the page says so and a save is refused.
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var page = await shimin.GetDocumentAsync("/plans/1-9/report?year=R7");
        Assert.Contains("令和7年度版はまだ計画の公表前のため、令和7年度の取組状況報告は入力できません", page.QuerySelector("[data-entry-not-open]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.report-form"));
        var refused = await shimin.PostFormAsync("/plans/1-9/report?year=R7", "/plans/1-9/report", new Dictionary<string, string>
        {
            ["Year"] = "R7", ["Version"] = "0", ["StatusReport"] = "R7の取組", ["Grade"] = "B", ["NextYearPolicy"] = "R8の方針", ["Command"] = "save",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("計画の公表前", (await refused.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.StoredReportAsync("1-9", R7));
    }

    [Fact]
    public async Task Only_the_planning_office_may_make_the_next_edition()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);

        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.GetAsync(new Uri("/booklets/R6/next", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostFormAsync("/plans", "/booklets/R6/next", new Dictionary<string, string>())).StatusCode);
    }

    private static string Cells(IDocument page) =>
        string.Join("\n", page.QuerySelectorAll("[data-cell]").Select(c => $"{c.GetAttribute("data-cell")}={c.TextContent.Trim()}"));
}

/// <summary>Keeping a plan that would end: a 期間変更 with its reason printed in 備考, or a Japanese refusal without one.</summary>
public sealed class NextEditionExtensionTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_plan_kept_by_extending_it_carries_its_reason_into_remarks_and_one_without_a_reason_is_refused()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        var fields = (await office.GetDocumentAsync("/booklets/R6/next")).FormFields("form.report-form");
        var row = fields.Single(f => f.Value == "1-13").Key.Replace(".Plan", string.Empty, StringComparison.Ordinal);

        fields[$"{row}.Action"] = "Extend";
        fields[$"{row}.ExtendTo"] = "R8";
        fields[$"{row}.Reason"] = "";
        var refused = await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("1-13：期間変更の理由を入力してください。", (await refused.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.Database().Editions.CountAsync());
            Assert.False(await scope.ServiceProvider.Database().PlanKeys.AnyAsync(k => k.EndedYear != null));
        }

        fields[$"{row}.Reason"] = "システム更新が令和8年度に延びたため";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", fields)).StatusCode);

        var sheet = await office.GetDocumentAsync("/plans/1-13?year=R7");
        Assert.Equal("R8", sheet.Cell("target"));
        Assert.Equal(["<令和7年度計画変更>", "システム更新が令和8年度に延びたため"], sheet.CellItems("remarks").TakeLast(2));
        Assert.Equal("R6", (await office.GetDocumentAsync("/plans/1-13?year=R6")).Cell("target"));
    }
}
