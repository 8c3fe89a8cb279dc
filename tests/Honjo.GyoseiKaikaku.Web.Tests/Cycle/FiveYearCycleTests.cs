using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Cycle;

/// <summary>
/// The whole year-to-year cycle through HTTP, as the 企画課 and a department would run it: R6 published and its
/// reports accepted, R7 made from R6 and prepared (計画変更, 新規計画, 終了, 組織改正), R7 published and reported on,
/// R6 closed. R6 reads exactly as it stood throughout; what is closed refuses changes and stays as it was.
/// </summary>
public sealed class FiveYearCycleTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly FiscalYear R7 = new(7);

    [Fact]
    public async Task R6_carries_into_R7_and_each_edition_reads_as_it_stood()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        // R6: 計画の公表, then every report entered, submitted and accepted (1-9 by its department).
        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, "/booklets", "/booklets/R6/publish")).StatusCode);
        await shimin.SubmitReportAsync("1-9", "コンビニ交付が定着した", "B", "引き続き進める", R6);
        foreach (var plan in await RunningPlansAsync(R6))
        {
            if (plan != "1-9")
            {
                await office.SubmitReportAsync(plan, $"{plan}のR6報告", "B", "引き続き進める", R6);
            }

            await office.AcceptReportAsync(plan, R6);
        }

        var r6Before = await SnapshotAsync(reader, office);

        // R7 from R6: the preview's defaults (plans past their 達成目標年度 end as 完了 in R6).
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        Assert.Empty(preview.QuerySelectorAll("[data-unaccepted]"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);

        // 計画変更: 1-9's R7 target, with a reason.
        var change = (await office.GetDocumentAsync("/plans/1-9/edit?year=R7")).FormFields("form.report-form");
        change["Targets[R7]"] = "コンビニ交付件数 20,000件";
        change["ChangeType"] = "Target";
        change["ChangeReason"] = "マイナンバーカードの普及が想定を上回ったため";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/edit?year=R7", "/plans/1-9/edit?year=R7", change)).StatusCode);

        // 新規計画 in field 1, with the next free number.
        var added = (await office.GetDocumentAsync("/plans/new?year=R7&field=1")).FormFields("form.report-form");
        var number = $"1-{added["Number"]}";
        added["Name"] = "窓口のオンライン予約";
        added["ExecutingDepartmentIds"] = (await app.DepartmentIdAsync("市民課")).ToString(CultureInfo.InvariantCulture);
        added["Perspective"] = "ActiveIct";
        added["Targets[R7]"] = "予約件数 1,000件";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/new?year=R7", "/plans/new?year=R7", added)).StatusCode);

        // 廃止 of 1-10 as of R7.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-10/edit?year=R7", "/plans/1-10/end?year=R7",
            new Dictionary<string, string> { ["Kind"] = "Abolished", ["Reason"] = "国の制度が変わったため" })).StatusCode);

        // 組織改正: 市民課 becomes 市民生活課 as of R7.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/departments/reorganize?year=R7", "/departments/reorganize?year=R7",
            new Dictionary<string, string> { ["Kind"] = "Rename", ["From[0]"] = (await app.DepartmentIdAsync("市民課")).ToString(CultureInfo.InvariantCulture), ["NewName"] = "市民生活課", ["Reason"] = "窓口部門の再編のため" })).StatusCode);

        // R7: 計画の公表, then 1-9's R7 report entered by its (renamed) department and accepted.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, "/booklets", "/booklets/R7/publish")).StatusCode);
        shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        await shimin.SubmitReportAsync("1-9", "R7も順調", "B", "引き続き進める", R7);
        await office.AcceptReportAsync("1-9", R7);

        // Every R6 page, the R6 files and the R6 open data read exactly as before.
        var r6After = await SnapshotAsync(reader, office);
        Assert.Equal(r6Before.Keys, r6After.Keys);
        foreach (var (key, value) in r6Before)
        {
            Assert.True(value == r6After[key], $"{key} changed:\n{value}\n---\n{r6After[key]}");
        }

        // The R7 booklet: 目次 pages that match the PDF, 1-9's 備考 ending with its note, the new plan in field 1.
        var index = await reader.GetDocumentAsync("/plans?year=R7");
        var rows = index.PlanRows();
        Assert.Contains(number, rows);
        Assert.Contains("1-10", rows);
        Assert.Equal("R7", EndYear(index, "1-10"));
        Assert.DoesNotContain("1-13", rows);
        Assert.Equal(string.Empty, EndYear(index, "1-9"));
        var sheet = await reader.GetDocumentAsync("/plans/1-9?year=R7");
        Assert.Equal(["<令和7年度計画変更>", "マイナンバーカードの普及が想定を上回ったため"], sheet.CellItems("remarks").TakeLast(2));
        Assert.Equal("市民生活課", sheet.Cell("executing"));
        using (var pdf = PdfDocument.Open(await reader.GetByteArrayAsync(new Uri("/booklets/R7.pdf", UriKind.Relative))))
        {
            var pages = index.QuerySelectorAll("tr[data-plan]").ToDictionary(tr => tr.GetAttribute("data-plan")!, tr => int.Parse(tr.QuerySelector("td.toc__page")!.TextContent.Trim(), CultureInfo.InvariantCulture));
            Assert.Equal(pages.Values.Max(), pdf.NumberOfPages);
            foreach (var plan in new[] { "1-1", "1-9", number, "3-1", rows[^1] })
            {
                Assert.Contains($"計画番号{plan}・{pages[plan]}頁", Squeeze(pdf.GetPage(pages[plan]).Text), StringComparison.Ordinal);
            }

            var r7Remarks = Squeeze(pdf.GetPage(pages["1-9"]).Text);
            Assert.Contains("<令和7年度計画変更>マイナンバーカードの普及が想定を上回ったため", r7Remarks, StringComparison.Ordinal);
            Assert.Contains("市民生活課", r7Remarks, StringComparison.Ordinal);
        }

        // The plans that ended in R6 are not in R7; R7's changes name them with their 終了 year.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/plans/1-13?year=R7", UriKind.Relative))).StatusCode);
        var changes = (await reader.GetDocumentAsync("/booklets/R7/changes")).QuerySelector("main")!.TextContent;
        Assert.Matches(new Regex(@"1-13[\s\S]*完了[\s\S]*令和6年度"), changes);
        Assert.Contains("「市民課」→「市民生活課」", Squeeze(changes), StringComparison.Ordinal);

        // 実績の確定 of R6, and then what is closed refuses every change and stays as it was.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, "/booklets", "/booklets/R6/close")).StatusCode);
        var closedBefore = await DatabaseStateAsync();
        var r6Report = (await shimin.GetDocumentAsync("/plans/1-9/report?year=R6")).QuerySelector("form.report-form");
        Assert.Null(r6Report);
        var refusals = new List<HttpResponseMessage>
        {
            await shimin.PostFormAsync("/plans/1-9/report?year=R7", "/plans/1-9/report?year=R6",
                new Dictionary<string, string> { ["Version"] = "1", ["StatusReport"] = "確定後の書き換え", ["Grade"] = "C", ["NextYearPolicy"] = "x", ["Command"] = "save" }),
            await office.PostFormAsync("/plans/1-9/report?year=R7", "/plans/1-9/report/reopen?year=R6", new Dictionary<string, string> { ["Version"] = "1", ["Comment"] = "確定後" }),
            await office.PostFormAsync("/plans/1-9?year=R6", "/plans/1-9/edit?year=R6", Renamed(change)),
            await office.PostFormAsync("/plans/1-9?year=R7", "/plans/1-9/edit?year=R7", Renamed(change)),
            await office.PostFormAsync("/departments/reorganize?year=R7", "/departments/reorganize?year=R7",
                new Dictionary<string, string> { ["Kind"] = "Establish", ["NewName"] = "DX推進課", ["Reason"] = "x" }),
            await Post(office, "/booklets", "/booklets/R6/next"),
            await Post(office, "/booklets", "/booklets/R6/publish"),
        };
        Assert.All(refusals, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        Assert.Equal(closedBefore, await DatabaseStateAsync());
    }

    private static Dictionary<string, string> Renamed(Dictionary<string, string> form) =>
        new(form) { ["Name"] = "確定後の改名", ["ChangeType"] = "Name", ["ChangeReason"] = "確定後の変更" };

    private static Task<HttpResponseMessage> Post(HttpClient client, string page, string url) =>
        client.PostFormAsync(page, url, new Dictionary<string, string>());

    /// <summary>What R6 says, page by page and file by file, as a reader and the public see it.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(HttpClient reader, HttpClient office)
    {
        var snapshot = new Dictionary<string, string>();
        var index = await reader.GetDocumentAsync("/plans?year=R6");
        snapshot["/plans?year=R6"] = MainText(index);
        foreach (var plan in index.PlanRows())
        {
            var sheet = await reader.GetDocumentAsync($"/plans/{plan}?year=R6");
            snapshot[$"/plans/{plan}?year=R6"] = string.Join("\n", sheet.QuerySelectorAll("[data-cell]").Select(c => $"{c.GetAttribute("data-cell")}={Squeeze(c.TextContent)}"));
        }

        // (A plan's history is left out: it is the record of the plan across editions, and grows by design. A
        // department's page may add a line naming its successor; its plans are compared.)
        foreach (var url in new[] { "/departments?year=R6", "/summary?year=R6" })
        {
            snapshot[url] = MainText(await reader.GetDocumentAsync(url));
        }

        var shiminPage = $"/departments/{(await app.DepartmentIdAsync("市民課")).ToString(CultureInfo.InvariantCulture)}?year=R6";
        snapshot[shiminPage] = string.Join("\n", (await reader.GetDocumentAsync(shiminPage)).QuerySelectorAll("main table").Select(t => Squeeze(t.TextContent)));

        var anonymous = app.CreateClient();
        foreach (var url in new[] { "/booklets/R6.pdf", "/booklets/R6.xlsx" })
        {
            snapshot[url] = Convert.ToHexStringLower(SHA256.HashData(await office.GetByteArrayAsync(new Uri(url, UriKind.Relative))));
        }

        foreach (var url in new[] { "/opendata/R6.csv", "/opendata/R6.json" })
        {
            snapshot[url] = Convert.ToHexStringLower(SHA256.HashData(await anonymous.GetByteArrayAsync(new Uri(url, UriKind.Relative))));
        }

        snapshot["R6.pdf text"] = Squeeze(string.Concat((await PdfTextAsync(office, "/booklets/R6.pdf")).Take(3)));
        return snapshot;
    }

    private static async Task<List<string>> PdfTextAsync(HttpClient client, string url)
    {
        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync(new Uri(url, UriKind.Relative)));
        return pdf.GetPages().Select(p => p.Text).ToList();
    }

    private async Task<string> DatabaseStateAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Version}:{p.Name}").ToListAsync();
        var reports = await db.YearEndReports.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Version}:{r.Status}:{r.StatusReport}").ToListAsync();
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Status}").ToListAsync();
        var departments = await db.Departments.AsNoTracking().CountAsync();
        return string.Join("|", plans.Concat(reports).Concat(editions).Append(departments.ToString(CultureInfo.InvariantCulture)));
    }

    private async Task<List<string>> RunningPlansAsync(FiscalYear year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => e.Id).SingleAsync();
        return (await db.Plans.InEdition(editionId).RunningIn(year).OrderBy(p => p.FieldNumber).ThenBy(p => p.Number).Select(p => new { p.FieldNumber, p.Number }).ToListAsync())
            .Select(p => new PlanNumber(p.FieldNumber, p.Number).ToString()).ToList();
    }

    private static string EndYear(IDocument index, string plan) =>
        index.QuerySelectorAll($"tr[data-plan='{plan}'] td.toc__year")[1].TextContent.Trim();

    private static string MainText(IDocument page) => Squeeze(page.QuerySelector("main")!.TextContent);

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", string.Empty);
}
