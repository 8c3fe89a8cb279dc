using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Departments;

/// <summary>
/// 組織改正 as of R7, through HTTP: the R7 draft's plans and the department's staff move to the successor; R6 keeps
/// printing the old names; refused cases record nothing.
/// </summary>
public sealed class DepartmentReorganizationHttpTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private const string Form = "/departments/reorganize?year=R7";

    [Fact]
    public async Task A_rename_as_of_R7_moves_the_R7_plans_and_the_staff_and_leaves_R6_as_it_was()
    {
        var office = await EnsureR7DraftAsync();
        var shiminCookie = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAndCopySessionCookieAsync(WorkflowFixture.Shimin);
        var r6Sheet = (await office.GetDocumentAsync("/plans/1-9?year=R6")).Cell("executing");
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync(shiminCookie, "/my/plans")).StatusCode);

        var renamed = await office.PostFormAsync(Form, Form, new Dictionary<string, string>
        {
            ["Kind"] = "Rename", ["From[0]"] = Id("市民課"), ["NewName"] = "市民生活課", ["Reason"] = "窓口部門の再編のため",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        // R7 names the successor as 実行課 (1-9, 1-10) and as 連携課 (1-4); R6 prints what it printed.
        Assert.Equal("市民生活課", (await office.GetDocumentAsync("/plans/1-9?year=R7")).Cell("executing"));
        Assert.Contains("市民生活課", (await office.GetDocumentAsync("/plans/1-4?year=R7")).Cell("cooperating"), StringComparison.Ordinal);
        Assert.Equal("市民課", r6Sheet);
        Assert.Equal(r6Sheet, (await office.GetDocumentAsync("/plans/1-9?year=R6")).Cell("executing"));
        Assert.Contains("市民課", (await office.GetDocumentAsync("/plans/1-4?year=R6")).Cell("cooperating"), StringComparison.Ordinal);

        // Each year lists its own departments, and R7 lists the reorganization with its reason.
        var r6List = await office.GetDocumentAsync("/departments?year=R6");
        var r7List = await office.GetDocumentAsync("/departments?year=R7");
        Assert.Contains(Names(r6List), n => n == "市民課");
        Assert.DoesNotContain(Names(r6List), n => n == "市民生活課");
        Assert.Contains(Names(r7List), n => n == "市民生活課");
        Assert.DoesNotContain(Names(r7List), n => n == "市民課");
        Assert.Contains("窓口部門の再編のため", r7List.QuerySelector("[data-year-reorganizations]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("市民生活課になりました", (await office.GetDocumentAsync($"/departments/{Id("市民課")}?year=R6")).QuerySelector("[data-successor]")!.TextContent, StringComparison.Ordinal);

        // The staff moved: the old session ends (its rights came from the old department) and the next one acts for
        // the new department, and still for the records of the old one.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var user = await db.Users.SingleAsync(u => u.UserName == WorkflowFixture.Shimin);
            Assert.Equal([Id("市民生活課")], await db.Set<UserDepartment>().Where(d => d.UserId == user.Id).Select(d => d.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.ReplayAsync(shiminCookie, "/my/plans")).StatusCode);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        Assert.Contains("市民生活課", (await shimin.GetDocumentAsync("/my/plans?year=R7")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var r6Form = await shimin.GetDocumentAsync("/plans/1-9/report?year=R6");
        var saved = await shimin.PostFormAsync("/plans/1-9/report?year=R6", "/plans/1-9/report?year=R6",
            ReportForms.FormFrom(r6Form, "組織改正後も入力できる", "B", "継続する", "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("組織改正後も入力できる", (await app.StoredReportAsync("1-9"))!.StatusReport);
    }

    [Fact]
    public async Task A_merger_into_a_department_that_goes_on_names_it_once_on_each_R7_sheet()
    {
        var office = await EnsureR7DraftAsync();

        var merged = await office.PostFormAsync(Form, Form, new Dictionary<string, string>
        {
            ["Kind"] = "Merge", ["From[0]"] = Id("支所総務課"), ["From[1]"] = Id("支所環境産業課"), ["Into"] = Id("支所市民福祉課"), ["Reason"] = "支所の係を一つにするため",
        });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        // 1-12: 支所市民福祉課 with 連携課 支所総務課・支所環境産業課 — after the merger it is its own partner, so none is left.
        var r7 = await office.GetDocumentAsync("/plans/1-12?year=R7");
        Assert.Equal("支所市民福祉課", r7.Cell("executing"));
        Assert.DoesNotContain("支所総務課", r7.Cell("cooperating"), StringComparison.Ordinal);
        var r6 = await office.GetDocumentAsync("/plans/1-12?year=R6");
        Assert.Contains("支所総務課", r6.Cell("cooperating"), StringComparison.Ordinal);
        Assert.Contains("支所環境産業課", r6.Cell("cooperating"), StringComparison.Ordinal);
        Assert.Contains("支所の係を一つにするため", (await office.GetDocumentAsync("/admin/audit")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_reorganizations_record_nothing_and_keep_what_was_typed()
    {
        var office = await EnsureR7DraftAsync();
        var before = await app.SnapshotAsync();

        // No reason: 422 with the input kept.
        var noReason = await office.PostFormAsync(Form, Form, new Dictionary<string, string>
        {
            ["Kind"] = "Rename", ["From[0]"] = Id("課税課"), ["NewName"] = "税務課", ["Reason"] = " ",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var page = await noReason.ParseAsync();
        Assert.Contains("組織改正の理由を入力してください。", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("税務課", page.QuerySelector("#NewName")!.GetAttribute("value"));
        Assert.True(page.QuerySelector($"input[name='From'][value='{Id("課税課")}']")!.HasAttribute("checked"));

        // A name in use, an unknown department, no kind.
        foreach (var (fields, message) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Kind"] = "Rename", ["From[0]"] = Id("課税課"), ["NewName"] = "情報システム課", ["Reason"] = "x" }, "既にあります"),
            (new() { ["Kind"] = "Rename", ["From[0]"] = "99999", ["NewName"] = "税務課", ["Reason"] = "x" }, "選んだ部署が見つかりません"),
            (new() { ["From[0]"] = Id("課税課"), ["NewName"] = "税務課", ["Reason"] = "x" }, "種類（名称変更・統合・新設）を選んでください"),
        })
        {
            var refused = await office.PostFormAsync(Form, Form, fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, (await refused.ParseAsync()).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        }

        // A published edition's names stay: R6 refuses, and says where to record it instead.
        var r6 = await office.GetDocumentAsync("/departments/reorganize?year=R6");
        Assert.Contains("次の年度の版（案）を作成してから", r6.QuerySelector("[data-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(r6.QuerySelector("form[data-reorganize]"));
        var published = await office.PostFormAsync(Form, "/departments/reorganize?year=R6", new Dictionary<string, string>
        {
            ["Kind"] = "Establish", ["NewName"] = "DX推進課", ["Reason"] = "x",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, published.StatusCode);

        // Only the 企画課: a department's staff and a reader are forbidden, on the page and on the post.
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        Assert.Equal(HttpStatusCode.Forbidden, (await joho.GetAsync(new Uri(Form, UriKind.Relative))).StatusCode);
        var token = (await joho.GetDocumentAsync("/departments")).QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "Establish", ["NewName"] = "DX推進課", ["Reason"] = "x", ["__RequestVerificationToken"] = token ?? string.Empty,
        }))
        {
            var forbidden = await joho.PostAsync(new Uri(Form, UriKind.Relative), content);
            Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, forbidden.StatusCode.ToString());
        }

        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Ten_people_renaming_one_department_at_once_record_one_rename_and_never_an_error()
    {
        var office = await EnsureR7DraftAsync();
        var department = Id("都市計画課");
        var token = (await office.GetDocumentAsync(Form)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Kind"] = "Rename", ["From[0]"] = department, ["NewName"] = $"まちづくり課{i}", ["Reason"] = "同時の登録", ["__RequestVerificationToken"] = token,
            });
            return await office.PostAsync(new Uri(Form, UriKind.Relative), content);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).ParseAsync();
        Assert.Matches("既に別の部署|同時に組織改正", refused.QuerySelector(".form-errors")!.TextContent);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        Assert.Single(await db.Departments.Where(d => d.Name.StartsWith("まちづくり課")).ToListAsync());
        Assert.Single(await db.DepartmentReorganizations.Where(r => r.Reason == "同時の登録").ToListAsync());
    }

    /// <summary>Publishes R6 and makes the R7 draft, once per fixture; returns the 企画課's client.</summary>
    private async Task<HttpClient> EnsureR7DraftAsync()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        if (!await db.Editions.AnyAsync(e => e.Year == new Domain.Common.FiscalYear(7)))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
            var preview = await office.GetDocumentAsync("/booklets/R6/next");
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);
        }

        return office;
    }

    private static List<string> Names(AngleSharp.Dom.IDocument list) =>
        list.QuerySelectorAll("table.data-table tbody th[scope='row'] a").Select(a => a.TextContent.Trim()).ToList();

    private string Id(string name)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.Database().Departments.Where(d => d.Name == name).Select(d => d.Id).Single()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
