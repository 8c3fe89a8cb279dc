using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Period;

/// <summary>
/// 5年間の推移: one plan across every edition — targets as first set and as changed with the 計画変更's reason, the
/// 実績値 and grade of each year, shown to each reader as the visibility rule allows.
/// </summary>
public sealed class PlanPeriodTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_plans_five_years_show_its_changed_target_with_the_reason_and_results_as_each_reader_may_see_them()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);

        // R5's result came with the booklet; R6's is submitted by 市民課 with its 実績値, not yet accepted.
        var first = await reader.GetDocumentAsync("/plans/1-9/period");
        Assert.Equal(["R5", "R6", "R7", "R8", "R9"], first.QuerySelectorAll("#table-period tbody tr").Select(r => r.GetAttribute("data-year")));
        Assert.Equal("証明書のコンビニ交付件数：16,800件", Cell(first, "R6", "target"));
        Assert.StartsWith("A", Cell(first, "R5", "grade"), StringComparison.Ordinal);
        Assert.Contains("確認済", Cell(first, "R5", "grade"), StringComparison.Ordinal);

        var form = await shimin.OpenFormAsync("1-9", "コンビニ交付が定着した", "A", "引き続き周知する", "submit", actual: "17200");
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.PostReportAsync("1-9", form)).StatusCode);
        Assert.Equal("－", Cell(await reader.GetDocumentAsync("/plans/1-9/period"), "R6", "grade"));
        Assert.Equal("－", Cell(await reader.GetDocumentAsync("/plans/1-9/period"), "R6", "actual"));
        var own = await shimin.GetDocumentAsync("/plans/1-9/period");
        Assert.Contains("提出済・未確認", Cell(own, "R6", "grade"), StringComparison.Ordinal);
        Assert.Equal("17,200件", Cell(own, "R6", "actual"));

        var report = await office.GetDocumentAsync("/plans/1-9/report");
        var version = report.QuerySelector("form[action*='/accept'] input[name='Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/accept", new Dictionary<string, string> { ["Version"] = version })).StatusCode);
        var accepted = await reader.GetDocumentAsync("/plans/1-9/period");
        Assert.Equal("17,200件", Cell(accepted, "R6", "actual"));
        Assert.Equal("102.4%（達成）", Cell(accepted, "R6", "rate"));
        Assert.Contains("確認済", Cell(accepted, "R6", "grade"), StringComparison.Ordinal);

        // R7 is made from R6 and 1-9's R7 target changes, with a reason.
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);
        var change = (await office.GetDocumentAsync("/plans/1-9/edit?year=R7")).FormFields("form.report-form");
        change["Targets[R7]"] = "証明書のコンビニ交付件数：20,000件";
        change["ChangeType"] = "Target";
        change["ChangeReason"] = "マイナンバーカードの普及が想定を上回ったため";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/edit?year=R7", "/plans/1-9/edit?year=R7", change)).StatusCode);

        var period = await reader.GetDocumentAsync("/plans/1-9/period");
        Assert.Contains("令和6年度版、令和7年度版（案）", period.QuerySelector(".page-head .lead")!.TextContent, StringComparison.Ordinal);
        var r7 = period.QuerySelector("#table-period tr[data-year='R7'] [data-cell='target']")!;
        Assert.Equal("証明書のコンビニ交付件数：18,400件", r7.QuerySelector("[data-original] s")!.TextContent.Trim());
        Assert.Contains("証明書のコンビニ交付件数：20,000件", r7.QuerySelector(".target-current")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("令和7年度版（案）で変更：マイナンバーカードの普及が想定を上回ったため", r7.QuerySelector("[data-change-reason]")!.TextContent.Trim());
        Assert.Null(period.QuerySelector("#table-period tr[data-year='R8'] [data-original]"));
        var changes = period.QuerySelectorAll("#table-changes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(changes, c => c.Contains("目標変更", StringComparison.Ordinal) && c.Contains("マイナンバーカードの普及", StringComparison.Ordinal));

        // The chart gets the same numbers as the table: the R7 target now, and R6's 実績値.
        var chart = period.QuerySelector("#summary-chart-data")!.TextContent;
        Assert.True(chart.Contains("\"values\":[4300,16800,20000,19300,20000]", StringComparison.Ordinal), chart);
        Assert.True(chart.Contains("\"values\":[null,17200,null,null,null]", StringComparison.Ordinal), chart);
    }

    [Theory]
    [InlineData("/plans/9-99/period")]
    [InlineData("/plans/abc/period")]
    public async Task A_plan_that_does_not_exist_has_no_five_year_view(string url)
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    private static string Cell(IDocument page, string year, string cell) =>
        page.QuerySelector($"#table-period tr[data-year='{year}'] [data-cell='{cell}']")!.TextContent.Trim();
}

/// <summary>期間の総括: the period's plans by field — added, ended and graded in their final year — on screen and in Excel.</summary>
public sealed class PeriodReviewTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task The_review_counts_every_plan_of_the_period_including_those_added_and_ended_and_exports_the_same()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);

        var before = await reader.GetDocumentAsync("/summary/period");
        Assert.NotNull(before.QuerySelector("[data-interim]"));
        Assert.Equal(["56", "0", "0", "0", "0", "0", "56"], Counts(before, "合計", "plans", "added", "completed", "a", "b", "c", "none"));

        // 1-13 (支所市民福祉課) ends with R6: its R6 result, graded A and accepted, is its final result.
        var form = await office.OpenFormAsync("1-13", "発券機を導入した", "A", "運用を続ける", "submit");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostReportAsync("1-13", form)).StatusCode);
        var version = (await office.GetDocumentAsync("/plans/1-13/report")).QuerySelector("form[action*='/accept'] input[name='Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-13/report", "/plans/1-13/report/accept", new Dictionary<string, string> { ["Version"] = version })).StatusCode);

        // R7: the five plans whose 達成目標年度 is R6 end as 完了, and a plan is added to field 3.
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);
        var added = (await office.GetDocumentAsync("/plans/new?year=R7&field=3")).FormFields("form.report-form");
        added["Name"] = "公共施設の使用料の見直し";
        added["ExecutingDepartmentIds"] = (await office.GetDocumentAsync("/plans/new?year=R7&field=3")).QuerySelectorAll("select[name='ExecutingDepartmentIds'] option").First(o => o.TextContent.Trim() == "財政課").GetAttribute("value")!;
        added["Perspective"] = "ActiveIct";
        added["Targets[R7]"] = "見直しの方針を決定する";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/new?year=R7", "/plans/new?year=R7", added)).StatusCode);

        var review = await reader.GetDocumentAsync("/summary/period");
        Assert.Equal(["57", "1", "5", "1", "0", "0", "56"], Counts(review, "合計", "plans", "added", "completed", "a", "b", "c", "none"));
        Assert.Equal(["13", "1"], Counts(review, "3. 財政改革", "plans", "added"));
        Assert.Equal("A", review.QuerySelector("#table-period-plans tr[data-plan='1-13'] [data-cell='final-grade']")!.TextContent.Trim());
        Assert.Equal(57, review.QuerySelectorAll("#table-period-plans tbody tr").Length);

        // The workbook for the 審議会 says the same.
        var response = await reader.GetAsync(new Uri("/summary/period.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var fields = workbook.Worksheet("改革分野別");
        var total = fields.RowsUsed().Single(r => r.Cell(1).GetString() == "合計");
        Assert.Equal([57, 1, 5, 0, 0, 1, 0, 0, 56], Enumerable.Range(2, 9).Select(c => total.Cell(c).GetValue<int>()));
        var plans = workbook.Worksheet("計画別");
        var row = plans.RowsUsed().Single(r => r.Cell(1).GetString() == "1-13");
        Assert.Equal(["完了", "R6", "A"], new[] { row.Cell(6).GetString(), row.Cell(7).GetString(), row.Cell(11).GetString() });

        // The 実行課 column carries the plan's executing departments as stored (it once came out empty).
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var key = await db.PlanKeys.AsNoTracking().SingleAsync(k => k.FieldNumber == 1 && k.Number == 13);
        var stored = await db.Plans.AsNoTracking().Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Where(p => p.PlanKeyId == key.Id).OrderByDescending(p => p.Id).FirstAsync();
        Assert.NotEmpty(stored.ExecutingDepartmentsText);
        Assert.Equal(stored.ExecutingDepartmentsText, row.Cell(4).GetString());
    }

    private static string[] Counts(IDocument page, string field, params string[] cells)
    {
        var row = page.QuerySelectorAll("#table-period-fields tbody tr").Single(r => r.GetAttribute("data-field") == field);
        return [.. cells.Select(c => row.QuerySelector($"[data-cell='{c}']")!.TextContent.Trim())];
    }
}
