using AngleSharp.Dom;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Reports;

/// <summary>
/// Reports that are not accepted yet, in every state: a draft of a 市民課 plan, a submission and a returned report of
/// two 情報システム課 plans (plans only one of the two departments executes, so the other may not read them), and an
/// accepted R5 report of a 市民課 plan that the 企画課 reopened and the department regraded. The plans are found in the
/// seed by these facts (<see cref="Scenarios.Plans"/>), not by number.
/// </summary>
public sealed class ReportVisibilityFixture : AppFactory, IAsyncLifetime
{
    public const string DraftText = "非公開テキスト甲の下書き";
    public const string SubmittedText = "非公開テキスト乙の提出";
    public const string ReturnedText = "非公開テキスト丙の差戻し";
    public const string ReopenedText = "非公開テキスト丁の再開";

    /// <summary>The 市民課 plan whose R6 report is a draft (saved, not submitted).</summary>
    public string DraftPlan { get; private set; } = string.Empty;

    /// <summary>The 情報システム課 plan whose R6 report is submitted.</summary>
    public string SubmittedPlan { get; private set; } = string.Empty;

    /// <summary>The 情報システム課 plan whose R6 report was submitted and returned by the 企画課.</summary>
    public string ReturnedPlan { get; private set; } = string.Empty;

    /// <summary>The 市民課 plan whose accepted R5 report was reopened and regraded to C.</summary>
    public string ReopenedPlan { get; private set; } = string.Empty;

    public EvaluationGrade ReopenedOriginalGrade { get; private set; }

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, WorkflowFixture.Shimin, AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(this, WorkflowFixture.Joho, AppRoles.DepartmentEditor, "情報システム課");
        await TestUsers.CreateAsync(this, WorkflowFixture.Reader, AppRoles.Viewer);
        await this.PublishWithStandInPdfAsync(new FiscalYear(6));

        DraftPlan = await this.Plans().ExecutedBy("市民課").NotExecutedBy("情報システム課").Running().FirstAsync();
        var johoOnly = this.Plans().ExecutedBy("情報システム課").NotExecutedBy("市民課").Running().WithoutNumericTarget();
        SubmittedPlan = await johoOnly.FirstAsync();
        ReturnedPlan = await johoOnly.Except(SubmittedPlan).FirstAsync();

        var shimin = await SignedInClientAsync(WorkflowFixture.Shimin);
        var joho = await SignedInClientAsync(WorkflowFixture.Joho);
        var office = await SignedInClientAsync(WorkflowFixture.Office);
        Ok(await shimin.PostReportAsync(DraftPlan, await shimin.OpenFormAsync(DraftPlan, DraftText, "C", DraftText + " 改善策：見直します。", "save")));
        await joho.SubmitReportAsync(SubmittedPlan, SubmittedText, "A", SubmittedText);
        await joho.SubmitReportAsync(ReturnedPlan, ReturnedText, "B", ReturnedText);
        var version = (await this.StoredReportAsync(ReturnedPlan))!.Version;
        Ok(await office.PostFormAsync($"/plans/{ReturnedPlan}/report", $"/plans/{ReturnedPlan}/report/return",
            new Dictionary<string, string> { ["Version"] = ReportForms.Int(version), ["Comment"] = "数値を書いてください。" }));

        // An R5 result, accepted in the seed, reopened by the 企画課 and regraded by the department (not yet accepted again).
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var r5 = new FiscalYear(5);
        var plan = await db.Plans.Include(p => p.Key).ThenInclude(k => k.YearEndReports).Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Where(p => p.ExecutingDepartments.Any(d => d.Department.Name == "市民課"))
            .Where(p => p.Key.YearEndReports.Any(r => r.Year == r5 && r.Grade != null && r.Grade != EvaluationGrade.C))
            .OrderBy(p => p.FieldNumber).ThenBy(p => p.Number)
            .FirstAsync();
        var report = plan.ReportFor(r5)!;
        ReopenedPlan = plan.PlanNumber.ToString();
        ReopenedOriginalGrade = report.Grade!.Value;
        var actor = new ReportActor("test", "テスト", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
        report.Reopen(actor, "確認のため再開", DateTimeOffset.UtcNow);
        report.SaveDraft(actor, ReopenedText, EvaluationGrade.C, ReopenedText + " 改善策：見直します。", null);
        await db.SaveChangesAsync();
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Setting up failed: {(int)response.StatusCode}");

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// A report's texts, grade, 実績値 and state are visible only to its department and the 企画課 until the 企画課 has
/// accepted it: through search, filters, lists, department pages, the summary and exports alike.
/// </summary>
public sealed class ReportVisibilityTests(ReportVisibilityFixture app) : IClassFixture<ReportVisibilityFixture>
{
    public static TheoryData<string> Texts => new()
    {
        ReportVisibilityFixture.DraftText,
        ReportVisibilityFixture.SubmittedText,
        ReportVisibilityFixture.ReturnedText,
        ReportVisibilityFixture.ReopenedText,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Search_by_a_reader_never_finds_the_text_of_an_unaccepted_report(string text)
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);

        // Growing the word letter by letter must never narrow the list down to the plan.
        foreach (var prefix in new[] { "非公開テキスト", text[..8], text })
        {
            var page = await reader.GetDocumentAsync($"/plans?q={Uri.EscapeDataString(prefix)}");
            Assert.Empty(page.PlanRows());
        }
    }

    [Fact]
    public async Task Search_finds_unaccepted_text_only_for_its_department_and_the_planning_office()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var query = $"/plans?q={Uri.EscapeDataString("非公開テキスト")}";

        Assert.Equal(new[] { app.ReturnedPlan, app.SubmittedPlan }.Order(), (await joho.GetDocumentAsync(query)).PlanRows().Order());
        Assert.Equal(new[] { app.DraftPlan, app.ReopenedPlan }.Distinct().Order(), (await shimin.GetDocumentAsync(query)).PlanRows().Order());
        Assert.Equal(new[] { app.ReturnedPlan, app.DraftPlan, app.SubmittedPlan, app.ReopenedPlan }.Distinct().Order(), (await office.GetDocumentAsync(query)).PlanRows().Order());
    }

    [Theory]
    [InlineData("gradeYear=R6&grade=C")]
    [InlineData("gradeYear=R6&grade=A")]
    [InlineData("gradeYear=R6&grade=B")]
    [InlineData("gradeYear=R6&status=Draft")]
    [InlineData("gradeYear=R6&status=Submitted")]
    [InlineData("gradeYear=R6&status=Returned")]
    [InlineData("status=Submitted")]
    [InlineData("status=Returned")]
    public async Task Grade_and_state_filters_list_no_unaccepted_report_for_a_reader_or_another_department(string filter)
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        Assert.Empty((await reader.GetDocumentAsync($"/plans?{filter}")).PlanRows());
        Assert.DoesNotContain(app.SubmittedPlan, (await shimin.GetDocumentAsync($"/plans?{filter}")).PlanRows());
        Assert.DoesNotContain(app.ReturnedPlan, (await shimin.GetDocumentAsync($"/plans?{filter}")).PlanRows());
    }

    [Fact]
    public async Task State_filters_still_work_for_the_department_and_the_planning_office()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        Assert.Equal(new[] { app.SubmittedPlan }, (await joho.GetDocumentAsync("/plans?gradeYear=R6&status=Submitted")).PlanRows());
        Assert.Equal(new[] { app.ReturnedPlan }, (await office.GetDocumentAsync("/plans?gradeYear=R6&status=Returned")).PlanRows());
        // Without an explicit year the list grades by the edition's last graded year (R5), drafts included for those who may read them.
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        Assert.Contains(app.ReopenedPlan, (await shimin.GetDocumentAsync("/plans?grade=C")).PlanRows());
        Assert.Contains(app.ReopenedPlan, (await office.GetDocumentAsync("/plans?grade=C")).PlanRows());
        Assert.DoesNotContain(app.ReopenedPlan, (await reader.GetDocumentAsync("/plans?grade=C")).PlanRows());
        Assert.DoesNotContain(app.ReopenedPlan, (await reader.GetDocumentAsync($"/plans?grade={app.ReopenedOriginalGrade}")).PlanRows());
    }

    [Fact]
    public async Task The_index_and_the_department_page_show_a_reader_no_unaccepted_grade()
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var departmentId = await app.DepartmentIdAsync("市民課");

        // The R6 edition shows R5 grades: the reopened one is not accepted any more, so readers see none.
        Assert.Equal("－", GradeOf(await reader.GetDocumentAsync("/plans"), app.ReopenedPlan));
        Assert.Equal("－", GradeOf(await reader.GetDocumentAsync($"/departments/{departmentId}"), app.ReopenedPlan));
        Assert.Equal("C", GradeOf(await shimin.GetDocumentAsync($"/departments/{departmentId}"), app.ReopenedPlan));
        Assert.Equal("－", GradeOf(await reader.GetDocumentAsync("/plans?gradeYear=R5"), app.ReopenedPlan));
        Assert.DoesNotContain(app.ReopenedPlan, (await reader.GetDocumentAsync("/plans?gradeYear=R5&grade=C")).PlanRows());
    }

    [Fact]
    public async Task The_summary_shows_a_reader_accepted_reports_only()
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var readerPage = await reader.GetDocumentAsync("/summary?year=R6");
        var officePage = await office.GetDocumentAsync("/summary?year=R6");

        Assert.Equal(new[] { "Accepted" }, readerPage.QuerySelectorAll("#table-progress [data-status]").Select(a => a.GetAttribute("data-status")!));
        Assert.NotNull(readerPage.QuerySelector("[data-progress-note]"));
        Assert.Equal("1", officePage.QuerySelector("#table-progress [data-status='Submitted']")!.TextContent.Trim());
        Assert.Equal("1", officePage.QuerySelector("#table-progress [data-status='Returned']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_sheet_exported_by_a_reader_holds_no_unaccepted_text()
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);

        foreach (var plan in new[] { app.DraftPlan, app.SubmittedPlan, app.ReturnedPlan, app.ReopenedPlan })
        {
            var bytes = await reader.GetByteArrayAsync(new Uri($"/plans/{plan}/sheet.xlsx", UriKind.Relative));
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var text = string.Join("\n", workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
            Assert.DoesNotContain("非公開テキスト", text, StringComparison.Ordinal);
        }
    }

    private static string GradeOf(IDocument page, string plan) =>
        page.QuerySelector($"tr[data-plan='{plan}'] .toc__grade")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"{plan} is not listed.");
}
