using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Council;

/// <summary>
/// The 審議会's loop over HTTP on the seed carried to R7 (R6 published, R7 a draft): a member's opinion → the 企画課
/// forwards it → the department is told and answers → the 企画課 accepts → publishes → the table (screen, Excel, PDF,
/// open data CSV and JSON) holds the opinion and the response; then it is closed until a logged re-open.
/// </summary>
public sealed partial class CouncilWorkflowTests(CouncilFixture app) : IClassFixture<CouncilFixture>
{
    private const string PlanOpinion = "窓口の待ち時間を、曜日別に公表してください。";
    private const string GeneralOpinion = "各計画の効果額を、可能な範囲で示してください。";
    private const string FirstResponse = "令和7年度から、曜日別の待ち時間を市のサイトで公表します。";
    private const string Response = "令和7年度から、曜日別・時間帯別の待ち時間を市のサイトで毎月公表します。";
    private const string GeneralResponse = "効果額を算定できる計画から、次の版の備考に記載します。";

    [Fact]
    public async Task A_members_opinion_is_forwarded_answered_accepted_and_published_as_excel_pdf_and_open_data()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);

        // The member writes on plan 1-9 (市民課) of the published R6 while R7 is in preparation, and a general opinion.
        var planOpinion = (await member.WriteOpinionAsync("1-9", PlanOpinion)).OpinionId();
        var general = (await member.WriteOpinionAsync(null, GeneralOpinion)).OpinionId();
        Assert.Equal(CouncilOpinionStatus.Submitted, (await app.OpinionAsync(planOpinion)).Status);
        Assert.Contains(await NoticesAsync(WorkflowFixture.Office), n => n.Kind == NoticeKind.CouncilOpinionSubmitted && n.Link == $"/council/opinions/{planOpinion}");

        // Before it is forwarded the department does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await shimin.GetAsync(new Uri($"/council/opinions/{planOpinion}", UriKind.Relative))).StatusCode);

        // 回付: the plan's to its executing department; the general one to 情報システム課, chosen by the 企画課.
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(planOpinion, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion) })).StatusCode);
        var johoId = await app.DepartmentIdAsync("情報システム課");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.ActAsync(general, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general) })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(general, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["DepartmentId"] = johoId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        Assert.Equal([await app.DepartmentIdAsync("市民課")], (await app.OpinionAsync(planOpinion)).Departments.Select(d => d.DepartmentId));

        // The department is told (in the app) and finds it on its council page; another department is not told and gets a 404.
        Assert.Contains(await NoticesAsync(WorkflowFixture.Shimin), n => n.Kind == NoticeKind.CouncilOpinionForwarded && n.Link == $"/council/opinions/{planOpinion}");
        Assert.DoesNotContain(await NoticesAsync(WorkflowFixture.Joho), n => n.Link == $"/council/opinions/{planOpinion}");
        var deptIndex = await shimin.GetDocumentAsync("/council");
        Assert.NotNull(deptIndex.QuerySelector($"tr[data-opinion='{planOpinion}']"));
        Assert.Null(deptIndex.QuerySelector($"tr[data-opinion='{general}']"));
        var page = await shimin.GetDocumentAsync($"/council/opinions/{planOpinion}");
        Assert.Contains(PlanOpinion, page.QuerySelector("[data-opinion-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-author]"));
        Assert.NotNull(page.QuerySelector("form[data-answer-form]"));
        var before = await app.SnapshotAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await joho.ActAsync(planOpinion, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion), ["Response"] = "他課の回答" })).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());

        // The department answers, revises before the 企画課 accepts; an empty answer is refused in Japanese.
        var empty = await shimin.ActAsync(planOpinion, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion), ["Response"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("対応方針を入力してください。", (await empty.ParseAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.ActAsync(planOpinion, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion), ["Response"] = FirstResponse })).StatusCode);
        Assert.Contains(await NoticesAsync(WorkflowFixture.Office), n => n.Kind == NoticeKind.CouncilResponseAnswered);
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.ActAsync(planOpinion, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion), ["Response"] = Response })).StatusCode);
        Assert.Equal((CouncilOpinionStatus.Answered, Response), ((await app.OpinionAsync(planOpinion)).Status, (await app.OpinionAsync(planOpinion)).Response));

        // The member sees their opinion but not the response until it is accepted.
        var mine = await member.GetDocumentAsync($"/council/opinions/{planOpinion}");
        Assert.Null(mine.QuerySelector("[data-response-text]"));

        // The 企画課 accepts; publishing is refused while the general opinion is unanswered.
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(planOpinion, "accept", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion) })).StatusCode);
        Assert.Contains(await NoticesAsync(WorkflowFixture.Shimin), n => n.Kind == NoticeKind.CouncilResponseReviewed);
        var early = await office.PostFormAsync("/council", "/council/R6/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("確認済になっていない意見が1件", (await early.ParseAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);

        // 情報システム課 answers the general one; the 企画課 returns it with a reason, then accepts the revision.
        Assert.Equal(HttpStatusCode.Redirect, (await joho.ActAsync(general, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["Response"] = "検討します。" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.ActAsync(general, "return", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["Reason"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(general, "return", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["Reason"] = "具体的な時期を書いてください。" })).StatusCode);
        Assert.Contains("具体的な時期を書いてください。", (await joho.GetDocumentAsync($"/council/opinions/{general}")).QuerySelector("[data-return-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await joho.ActAsync(general, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["Response"] = GeneralResponse })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(general, "accept", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general) })).StatusCode);

        // Before 公表 nobody else sees the table, and its files do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/council/opinions/{planOpinion}", UriKind.Relative))).StatusCode);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/opendata/council/R6.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/council/R6/table.xlsx", UriKind.Relative))).StatusCode);

        // 公表: logged, the member told.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/council", "/council/R6/publish", new Dictionary<string, string>())).StatusCode);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditAction.CouncilTablePublished && a.Target == "令和6年度版");
        Assert.Contains(await NoticesAsync(WorkflowFixture.Member), n => n.Kind == NoticeKind.CouncilTablePublished);

        // Everyone signed in reads it on screen, without member names.
        var table = (await reader.GetDocumentAsync("/council?year=R6")).QuerySelector("table[data-council-table]")!;
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(GeneralOpinion, rows[0], StringComparison.Ordinal);
        Assert.Contains(GeneralResponse, rows[0], StringComparison.Ordinal);
        Assert.Contains("1-9", rows[1], StringComparison.Ordinal);
        Assert.Contains(PlanOpinion, rows[1], StringComparison.Ordinal);
        Assert.Contains(Response, rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("t-iin", table.TextContent, StringComparison.Ordinal);

        // Excel: read back — A4 landscape, one page wide, the header repeated, the opinion and the response in their cells.
        var xlsx = await reader.GetAsync(new Uri("/council/R6/table.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal("委員の意見", sheet.Cell(4, 5).GetString());
            Assert.Equal(("全体", GeneralOpinion, GeneralResponse, "情報システム課"), (sheet.Cell(5, 2).GetString(), sheet.Cell(5, 5).GetString(), sheet.Cell(5, 6).GetString(), sheet.Cell(5, 7).GetString()));
            Assert.Equal(("1-9", PlanOpinion, Response, "市民課"), (sheet.Cell(6, 2).GetString(), sheet.Cell(6, 5).GetString(), sheet.Cell(6, 6).GetString(), sheet.Cell(6, 7).GetString()));
            Assert.True(sheet.Row(6).Height > 15, "a wrapped row is taller than one line");
        }

        // PDF through Chromium: the text reads back.
        var pdf = await reader.GetAsync(new Uri("/council/R6/table.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = Spaces().Replace(string.Concat(document.GetPages().Select(p => p.Text)), string.Empty);
            Assert.Contains("令和6年度行政改革審議会意見・対応方針一覧", text, StringComparison.Ordinal);
            Assert.Contains(Spaces().Replace(PlanOpinion, string.Empty), text, StringComparison.Ordinal);
            Assert.Contains(Spaces().Replace(Response, string.Empty), text, StringComparison.Ordinal);
        }

        // Open data, without signing in: CSV (BOM, header, the row) and JSON, and the listing on /opendata.
        var csvBytes = await anonymous.GetByteArrayAsync(new Uri("/opendata/council/R6.csv", UriKind.Relative));
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n");
        Assert.Equal("edition,no,plan_id,plan_name,executing_departments,opinion,response,responding_departments,revision,published_at", csv[0]);
        Assert.StartsWith($"R6,2,1-9,", csv[2], StringComparison.Ordinal);
        Assert.Contains($",{PlanOpinion},{Response},市民課,1,", csv[2], StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(await anonymous.GetByteArrayAsync(new Uri("/opendata/council/R6.json", UriKind.Relative))))
        {
            var opinions = json.RootElement.GetProperty("opinions").EnumerateArray().ToList();
            Assert.Equal("R6", json.RootElement.GetProperty("edition").GetProperty("year").GetString());
            Assert.Equal(JsonValueKind.Null, opinions[0].GetProperty("planId").ValueKind);
            Assert.Equal(("1-9", PlanOpinion, Response), (opinions[1].GetProperty("planId").GetString(), opinions[1].GetProperty("opinion").GetString(), opinions[1].GetProperty("response").GetString()));
        }

        var listing = await anonymous.GetStringAsync(new Uri("/opendata", UriKind.Relative));
        Assert.Contains("/opendata/council/R6.csv", listing, StringComparison.Ordinal);

        // Closed stays closed: no answer, no new opinion, no review; the input is kept and nothing changes.
        before = await app.SnapshotAsync();
        var late = await shimin.ActAsync(planOpinion, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(planOpinion), ["Response"] = "公表後の修正" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var latePage = await late.ParseAsync();
        Assert.Contains("公表済", latePage.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("公表後の修正", latePage.QuerySelector("#typed-response")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await member.WriteOpinionAsync("1-10", "公表後の意見")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.ActAsync(general, "return", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(general), ["Reason"] = "理由" })).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());

        // Re-open: the 企画課 only, with a reason, logged; the next 公表 is the second revision.
        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.PostFormAsync("/account/password", "/council/R6/reopen", new Dictionary<string, string> { ["Reason"] = "誤り" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.PostFormAsync("/council", "/council/R6/reopen", new Dictionary<string, string> { ["Reason"] = "" })).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/council", "/council/R6/reopen", new Dictionary<string, string> { ["Reason"] = "対応方針の誤記を訂正するため" })).StatusCode);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditAction.CouncilTableReopened && a.Detail.Contains("対応方針の誤記を訂正するため", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/opendata/council/R6.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/council", "/council/R6/publish", new Dictionary<string, string>())).StatusCode);
        var second = await anonymous.GetStringAsync(new Uri("/opendata/council/R6.json", UriKind.Relative));
        Assert.Contains("\"revision\": 2", second, StringComparison.Ordinal);
    }

    private async Task<List<Notice>> NoticesAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notices.AsNoTracking().Where(n => n.UserId == id).ToListAsync();
    }

    private async Task<List<AuditEvent>> AuditAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().AuditEvents.AsNoTracking().ToListAsync();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
