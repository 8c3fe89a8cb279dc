using System.Net;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Tests.Workbook;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Reports;

/// <summary>
/// ADR 0028 through HTTP over real SQLite: the 企画課's 二次評価 recorded on acceptance beside the department's grade, shown
/// on the report, the sheet, the summary's list of differences and the five-year view, printed in the booklet only when
/// the edition says so; self-grades that contradict the numbers need an explanation that reaches the 企画課's queue, and a
/// C needs a 改善策, on the form and in the Excel import.
/// </summary>
public sealed class SecondGradeTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient office, string planId, int version, string secondGrade, string? reason) =>
        await office.PostFormAsync($"/plans/{planId}/report", $"/plans/{planId}/report/accept", new Dictionary<string, string>
        {
            ["Version"] = ReportForms.Int(version),
            ["SecondGrade"] = secondGrade,
            ["SecondGradeReason"] = reason ?? string.Empty,
        });

    [Fact]
    public async Task A_differing_second_grade_needs_a_reason_and_then_shows_beside_the_self_grade_everywhere()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        await shimin.SubmitReportAsync("1-10", "1-10の取組を報告します。", "A", "窓口での案内を続けます。");
        var version = (await app.StoredReportAsync("1-10"))!.Version;

        // Without a reason: refused, nothing saved, the typed second grade kept.
        var refused = await AcceptAsync(office, "1-10", version, "B", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = await refused.ParseAsync();
        Assert.Contains("二次評価の理由を入力してください", refusedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(refusedPage.QuerySelector("#second-grade-B")!.HasAttribute("checked"));
        Assert.Equal(ReportStatus.Submitted, (await app.StoredReportAsync("1-10"))!.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(office, "1-10", version, "B", "取組の成果が目標の一部にとどまるため")).StatusCode);
        var stored = (await app.StoredReportAsync("1-10"))!;
        Assert.Equal((ReportStatus.Accepted, EvaluationGrade.A, EvaluationGrade.B), (stored.Status, stored.Grade, stored.SecondGrade));
        Assert.Equal("取組の成果が目標の一部にとどまるため", stored.SecondGradeReason);

        // The report page and the sheet show both; a reader sees them once accepted.
        var report = await shimin.GetDocumentAsync("/plans/1-10/report");
        Assert.Equal("A", report.QuerySelector("[data-field='self-grade']")!.TextContent);
        Assert.Equal("B", report.QuerySelector("[data-field='second-grade']")!.TextContent);
        var sheet = await reader.GetDocumentAsync("/plans/1-10");
        Assert.Equal("A", sheet.QuerySelector("[data-cell='grade'] > .grade")!.TextContent);
        Assert.Contains("二次評価：B", sheet.QuerySelector("[data-cell='second-grade']")!.TextContent, StringComparison.Ordinal);

        // The summary counts both and lists the difference with its field and department.
        var summary = await reader.GetDocumentAsync("/summary?year=R6");
        var row = summary.QuerySelector("tr[data-difference='1-10']")!;
        Assert.Equal(("A", "B"), (row.QuerySelector("[data-cell='self']")!.TextContent, row.QuerySelector("[data-cell='second']")!.TextContent));
        Assert.Contains("市民課", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1. ", row.TextContent, StringComparison.Ordinal);
        Assert.True(int.Parse(summary.QuerySelector("[data-second='B']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains(summary.QuerySelectorAll("#table-differences-department tbody tr"), r => r.TextContent.Contains("市民課", StringComparison.Ordinal));

        // The five-year view carries it in the R6 row, and the history records it.
        var period = await reader.GetDocumentAsync("/plans/1-10/period");
        Assert.Contains("B", period.QuerySelector("tr[data-year='R6'] [data-cell='second-grade']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("取組の成果が目標の一部にとどまるため", period.QuerySelector("tr[data-year='R6'] [data-second-grade-reason]")!.TextContent, StringComparison.Ordinal);
        var history = await office.GetStringAsync(new Uri("/plans/1-10/history", UriKind.Relative));
        Assert.Contains("二次評価", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_grade_is_withdrawn_with_its_acceptance_and_never_shows_on_a_report_in_the_workflow()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        await joho.SubmitReportAsync("1-4", "1-4の取組を報告します。", "B", "改善策：手順を見直します。");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(office, "1-4", (await app.StoredReportAsync("1-4"))!.Version, "C", "成果が確認できないため")).StatusCode);
        Assert.NotNull((await reader.GetDocumentAsync("/summary?year=R6")).QuerySelector("tr[data-difference='1-4']"));

        // 再開: the department edits again; the second grade belongs to the acceptance and goes with it.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-4/report", "/plans/1-4/report/reopen", new Dictionary<string, string>
        {
            ["Version"] = ReportForms.Int((await app.StoredReportAsync("1-4"))!.Version),
            ["Comment"] = "数値を確認してください。",
        })).StatusCode);
        Assert.Null((await app.StoredReportAsync("1-4"))!.SecondGrade);

        foreach (var client in new[] { reader, shimin })
        {
            Assert.Null((await client.GetDocumentAsync("/summary?year=R6")).QuerySelector("tr[data-difference='1-4']"));
            var sheet = await client.GetDocumentAsync("/plans/1-4");
            Assert.Null(sheet.QuerySelector("[data-cell='second-grade']"));
            Assert.DoesNotContain("成果が確認できないため", await client.GetStringAsync(new Uri("/plans/1-4/period", UriKind.Relative)), StringComparison.Ordinal);
        }

        // The 企画課 and the department find the earlier second grade in the history, the others cannot read it.
        Assert.Contains("成果が確認できないため", await office.GetStringAsync(new Uri("/plans/1-4/history", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("成果が確認できないため", await reader.GetStringAsync(new Uri("/plans/1-4/history", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_grade_that_contradicts_the_numbers_needs_an_explanation_which_reaches_the_queue()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var before = await app.StoredReportAsync("1-9");

        // 1-9's R6 target is 「証明書のコンビニ交付件数：16,800件」: an A with 16,000件 is short of it.
        var form = await shimin.OpenFormAsync("1-9", "交付件数は16,000件でした。", "A", "周知を続けます。", "submit", "16,000");
        var refused = await shimin.PostReportAsync("1-9", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("実績値（16,000件）は目標（16,800件以上）に届いていません", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#GradeExplanation")!.GetAttribute("aria-invalid"));
        // The message asks for 「評価の説明」: it marks that field alone, not the 実績値 it mentions.
        Assert.Null(page.QuerySelector("#ActualValue")!.GetAttribute("aria-invalid"));
        Assert.Equal("交付件数は16,000件でした。", page.QuerySelector("#StatusReport")!.TextContent);
        Assert.Equal(before, await app.StoredReportAsync("1-9"));

        form = ReportForms.FormFrom(page, "交付件数は16,000件でした。", "A", "周知を続けます。", "submit", "16,000");
        form["GradeExplanation"] = "年度末に大型店舗の端末が停止した分を除けば目標を上回るため";
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.PostReportAsync("1-9", form)).StatusCode);
        Assert.Equal("年度末に大型店舗の端末が停止した分を除けば目標を上回るため", (await app.StoredReportAsync("1-9"))!.GradeExplanation);

        var inbox = await office.GetDocumentAsync("/");
        Assert.Contains("年度末に大型店舗の端末が停止した分を除けば目標を上回るため", inbox.QuerySelector("tr[data-plan='1-9'] [data-grade-explanation]")!.TextContent, StringComparison.Ordinal);
        var review = await office.GetDocumentAsync("/plans/1-9/report");
        Assert.Equal(nameof(GradeContradictionKind.AButShort), review.QuerySelector("[data-contradiction]")!.GetAttribute("data-contradiction"));
        Assert.Contains("年度末に大型店舗の端末が停止した分を除けば目標を上回るため", review.QuerySelector("[data-contradiction]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_C_without_an_improvement_note_is_refused_on_the_form_and_in_the_Excel_import()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var before = await app.StoredReportAsync("2-18");

        var refused = await joho.PostReportAsync("2-18", await joho.OpenFormAsync("2-18", "進みませんでした。", "C", "引き続き取り組みます。", "save"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("年度末評価がCのときは、R7年度に向けた取組方針に改善策を書いてください", (await refused.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.StoredReportAsync("2-18"));

        var workbook = DepartmentWorkbookTests.Edit(await DepartmentWorkbookTests.DownloadAsync(joho), book =>
        {
            book.Worksheet("2-18").Cell("C7").SetValue("進みませんでした。");
            book.Worksheet("2-18").Cell("C8").SetValue("C");
            book.Worksheet("2-18").Cell("C9").SetValue("引き続き取り組みます。");
        });
        var preview = await (await DepartmentWorkbookTests.UploadAsync(joho, workbook)).ParseAsync();
        var errors = preview.QuerySelector("[data-import-errors]")!.TextContent;
        Assert.Contains("シート「2-18」のセルC9：年度末評価がCのときは", errors, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action='/my/workbook/confirm']"));
        Assert.Equal(before, await app.StoredReportAsync("2-18"));

        // With a 改善策 the same workbook goes through, and the C is saved.
        workbook = DepartmentWorkbookTests.Edit(workbook, book => book.Worksheet("2-18").Cell("C9").SetValue("改善策：担当を増やして進めます。"));
        var accepted = await (await DepartmentWorkbookTests.UploadAsync(joho, workbook)).ParseAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DepartmentWorkbookTests.ConfirmAsync(joho, accepted)).StatusCode);
        Assert.Equal(EvaluationGrade.C, (await app.StoredReportAsync("2-18"))!.Grade);
    }

    [Fact]
    public async Task The_booklet_prints_the_second_grade_only_when_the_edition_setting_is_on()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        await office.SubmitReportAsync("3-1", "3-1の取組を報告します。", "A", "継続します。");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(office, "3-1", (await app.StoredReportAsync("3-1"))!.Version, "B", "一部未達のため")).StatusCode);

        var plain = await GradeCellAsync("3-1");
        Assert.StartsWith("A　（前年度までの評価：", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("二次評価", plain, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/second-grade", new Dictionary<string, string> { ["print"] = "true" })).StatusCode);
        Assert.Equal(plain.Replace("A　", "A　（二次評価：B）　", StringComparison.Ordinal), await GradeCellAsync("3-1"));
        Assert.Equal("on", (await office.GetDocumentAsync("/booklets")).QuerySelector("[data-second-grade-setting]")!.GetAttribute("data-second-grade-setting"));

        // Only the 企画課 may change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await joho.PostFormAsync("/booklets", "/booklets/R6/second-grade", new Dictionary<string, string> { ["print"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/second-grade", new Dictionary<string, string> { ["print"] = "false" })).StatusCode);
        Assert.Equal(plain, await GradeCellAsync("3-1"));
    }

    /// <summary>The 年度末評価 cell of <paramref name="planId"/>'s sheet in the R6 Excel booklet, written and read back.</summary>
    private async Task<string> GradeCellAsync(string planId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var booklet = await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), BookletStage.Results, CancellationToken.None);
        var bytes = scope.ServiceProvider.GetRequiredService<IBookletExcelWriter>().Write(booklet!);
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(planId);
        var label = sheet.CellsUsed().Single(c => c.GetString() == "年度末評価");
        return sheet.Cell(label.Address.RowNumber, 2).GetString();
    }
}
