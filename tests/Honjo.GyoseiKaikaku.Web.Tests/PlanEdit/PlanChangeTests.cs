using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Tests.Booklets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.PlanEdit;

/// <summary>計画変更 in R7: a carried-over plan changes only with a kind and a reason, printed in 備考, with the original target kept.</summary>
public sealed class PlanChangeTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Changing_a_carried_over_target_needs_a_kind_and_reason_and_keeps_the_original_visible()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);

        var before = await office.GetDocumentAsync("/plans/1-9?year=R7");
        var originalR7 = before.CellItems("target-R7");
        var form = (await office.GetDocumentAsync("/plans/1-9/edit?year=R7")).FormFields("form.report-form");
        form["Targets[R7]"] = "コンビニ交付件数 20,000件";

        // Without a kind and a reason the change is refused and nothing is saved.
        var refused = await office.PostFormAsync("/plans/1-9/edit?year=R7", "/plans/1-9/edit?year=R7", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("計画変更の種類を選んでください", (await refused.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(originalR7, (await office.GetDocumentAsync("/plans/1-9?year=R7")).CellItems("target-R7"));

        form["ChangeType"] = "Target";
        form["ChangeReason"] = "マイナンバーカードの普及が想定を上回ったため";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/edit?year=R7", "/plans/1-9/edit?year=R7", form)).StatusCode);

        var sheet = await office.GetDocumentAsync("/plans/1-9?year=R7");
        Assert.Equal(["コンビニ交付件数 20,000件"], sheet.QuerySelectorAll("[data-cell='target-R7'] > ul li, [data-cell='target-R7'] > p:not(.target-result)").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Take(1));
        Assert.Equal(originalR7, sheet.QuerySelectorAll("[data-original='R7'] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["<令和7年度計画変更>", "マイナンバーカードの普及が想定を上回ったため"], sheet.CellItems("remarks").TakeLast(2));

        // R6 reads as it stood; the history keeps the change, its kind and reason.
        Assert.Equal(originalR7, (await office.GetDocumentAsync("/plans/1-9?year=R6")).CellItems("target-R7"));
        var history = (await office.GetDocumentAsync("/plans/1-9/history?year=R7")).QuerySelectorAll("table.history tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains(history, r => r.Contains("計画変更（目標変更）", StringComparison.Ordinal) && r.Contains("想定を上回ったため", StringComparison.Ordinal));
        Assert.Contains(history, r => r.Contains("R7年度の達成目標", StringComparison.Ordinal) && r.Contains("20,000件", StringComparison.Ordinal));

        // The target of a year whose report is accepted (R5) cannot change.
        var r5 = (await office.GetDocumentAsync("/plans/1-9/edit?year=R7")).FormFields("form.report-form");
        r5["Targets[R5]"] = "書き換えた過去の目標";
        r5["ChangeType"] = "Target";
        r5["ChangeReason"] = "過去の目標を直す";
        var past = await office.PostFormAsync("/plans/1-9/edit?year=R7", "/plans/1-9/edit?year=R7", r5);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("確認済のため", (await past.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            Assert.Equal(1, await db.Set<Domain.Plans.PlanChange>().CountAsync(c => c.Type == Domain.Plans.PlanChangeType.Target));
        }

        // What changed in R7: the 計画変更 with before → after, and the five plans that ended in R6.
        var changes = await office.GetDocumentAsync("/booklets/R7/changes");
        var changed = changes.QuerySelector("[data-changed] [data-plan='1-9']")!;
        Assert.Contains("目標変更", changed.TextContent, StringComparison.Ordinal);
        Assert.Contains("マイナンバーカードの普及が想定を上回ったため", changed.TextContent, StringComparison.Ordinal);
        Assert.Contains(changed.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("R7年度の達成目標", StringComparison.Ordinal)
                                                                 && tr.QuerySelector(".diff-after")!.TextContent.Contains("コンビニ交付件数 20,000件", StringComparison.Ordinal));
        Assert.Equal(["1-13", "2-8", "2-12", "2-13", "3-8"], changes.QuerySelectorAll("[data-ended] tr[data-plan]").Select(tr => tr.GetAttribute("data-plan")!));
        Assert.All(changes.QuerySelectorAll("[data-ended] tr[data-plan]"), tr => Assert.Contains("完了（R6）", tr.TextContent, StringComparison.Ordinal));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await office.GetByteArrayAsync(new Uri("/booklets/R7/changes.xlsx", UriKind.Relative))));
        var cells = workbook.Worksheet("変更一覧").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("1-9", cells);
        Assert.Contains("コンビニ交付件数 20,000件", cells);
        Assert.Contains("1-13", cells);
        WorkbookPrint.AssertA4(workbook);
        Assert.NotNull((await office.GetDocumentAsync("/booklets/R6/changes")).QuerySelector(".empty-state"));
    }
}
