using System.Net;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Reports;

/// <summary>
/// A refused action leaves the page showing what is stored and what the person typed, nothing in between; a race
/// between two saves is a conflict page, never an error; every field of a report is in the history.
/// </summary>
public sealed class ReportRefusalTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    [Fact]
    public async Task A_refused_submit_shows_the_stored_state_and_the_next_correct_submit_goes_through()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var refused = await shimin.PostReportAsync("1-10", await shimin.OpenFormAsync("1-10", "途中まで書いた報告", "", "", "submit"));
        var page = await refused.ParseAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Null(await app.StoredReportAsync("1-10"));
        Assert.Equal("NotStarted", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal("0", page.Version());
        Assert.Equal("途中まで書いた報告", page.QuerySelector("#StatusReport")!.TextContent);

        // The person completes the same page and submits again: no false conflict.
        var completed = ReportForms.FormFrom(page, "途中まで書いた報告。完成しました。", "B", "来年度も続けます。", "submit");
        var submitted = await shimin.PostReportAsync("1-10", completed);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await app.StoredReportAsync("1-10");
        Assert.Equal(ReportStatus.Submitted, stored!.Status);
        Assert.Equal("途中まで書いた報告。完成しました。", stored.StatusReport);
    }

    [Fact]
    public async Task A_save_from_a_second_tab_after_submitting_keeps_the_submitted_report_and_shows_the_input_apart()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var tab1 = await shimin.OpenFormAsync("1-9", "タブ1で提出した報告", "A", "タブ1の方針", "submit");
        var tab2 = await shimin.OpenFormAsync("1-9", "タブ2で書きかけた文章", "C", "タブ2の方針", "save");

        Assert.Equal(HttpStatusCode.Redirect, (await shimin.PostReportAsync("1-9", tab1)).StatusCode);
        var before = await app.StoredReportAsync("1-9");
        var response = await shimin.PostReportAsync("1-9", tab2);
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Submitted", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Null(page.QuerySelector("form.report-form"));
        Assert.Equal("タブ1で提出した報告", page.QuerySelector("[data-stored] [data-field='status-report']")!.TextContent);
        Assert.Equal("A", page.QuerySelector("[data-stored] [data-field='grade']")!.TextContent);
        Assert.Equal("タブ2で書きかけた文章", page.QuerySelector("[data-unsaved-input] #unsaved-status-report")!.TextContent);
        Assert.Equal("own", page.QuerySelector("[data-conflict]")!.GetAttribute("data-conflict"));
        Assert.DoesNotContain("他の人", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("フォームにはあなたの入力内容が残っています", page.Body!.TextContent, StringComparison.Ordinal);

        var after = await app.StoredReportAsync("1-9");
        Assert.Equal((before!.Version, before.StatusReport, before.Status), (after!.Version, after.StatusReport, after.Status));
    }

    [Fact]
    public async Task Twenty_concurrent_first_saves_give_one_save_and_conflict_pages_never_an_error()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var forms = new List<Dictionary<string, string>>();
        for (var i = 0; i < 20; i++)
        {
            forms.Add(await joho.OpenFormAsync("2-18", $"同時保存{i}", "B", "方針", "save"));
        }

        var responses = await Task.WhenAll(forms.Select(f => joho.PostReportAsync("2-18", f)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var conflict = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).ParseAsync();
        Assert.NotNull(conflict.QuerySelector("form.report-form"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var saved = await db.YearEndReports.Where(r => r.Year == ReportForms.R6 && db.PlanKeys.Any(p => p.Id == r.PlanKeyId && p.FieldNumber == 2 && p.Number == 18)).ToListAsync();
        Assert.Equal(1, Assert.Single(saved).Version);
    }

    [Fact]
    public async Task Texts_longer_than_the_form_allows_are_refused_in_Japanese_and_nothing_is_saved()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var tooLong = new string('あ', YearEndReport.MaxTextLength + 1);
        var before = await app.StoredReportAsync("1-4");

        var response = await joho.PostReportAsync("1-4", await joho.OpenFormAsync("1-4", tooLong, "B", "方針", "save"));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"取組状況報告は{YearEndReport.MaxTextLength}文字以内で入力してください。", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector("#StatusReport")!.TextContent);
        var after = await app.StoredReportAsync("1-4");
        Assert.Equal(before?.Version, after?.Version);
    }

    [Fact]
    public async Task A_return_comment_longer_than_allowed_is_refused_in_Japanese_and_kept_in_the_form()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var submitted = await office.PostReportAsync("3-1", await office.OpenFormAsync("3-1", "差戻しの試験", "B", "方針", "submit"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var report = (await app.StoredReportAsync("3-1"))!;
        var comment = new string('い', YearEndReport.MaxCommentLength + 1);
        var response = await office.PostFormAsync("/plans/3-1/report", "/plans/3-1/report/return",
            new Dictionary<string, string> { ["Version"] = ReportForms.Int(report.Version), ["Comment"] = comment });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"コメントは{YearEndReport.MaxCommentLength}文字以内で入力してください。", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(comment, page.QuerySelector("#return-comment")!.TextContent);
        Assert.Equal(ReportStatus.Submitted, (await app.StoredReportAsync("3-1"))!.Status);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_in_Japanese()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var form = await joho.OpenFormAsync("1-4", "命令の試験", "B", "方針", "publish-everything");

        var response = await joho.PostReportAsync("1-4", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("正しい値ではありません", (await response.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
    }
}
