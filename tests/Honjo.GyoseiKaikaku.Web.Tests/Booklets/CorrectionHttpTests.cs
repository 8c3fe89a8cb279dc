using System.Net;
using System.Security.Cryptography;
using System.Text;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>R6 published through the 冊子 page (Chromium prints the booklet), as a 訂正 starts from.</summary>
public sealed class PublishedByHttpFixture : WorkflowFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PublishAsync("R6");
    }
}

/// <summary>
/// 訂正 of a published plan: only the 企画課, only in 訂正 mode, only with a reason; recorded in history, the audit log
/// and the edition's page; the plan booklet is published again as 第2版 while 第1版 stays downloadable.
/// </summary>
public sealed class PlanCorrectionTests(PublishedByHttpFixture app) : IClassFixture<PublishedByHttpFixture>
{
    private const string Corrected = "コンビニ交付の普及推進（訂正）";
    private const string Reason = "計画名の誤記を訂正します。";

    [Fact]
    public async Task The_planning_office_corrects_a_published_plan_with_a_reason_and_the_booklet_is_published_again_as_a_new_revision()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        // The edit page says up front that the edition is fixed, shows the content read-only and links to the 訂正.
        var fixedPage = await office.GetDocumentAsync("/plans/1-9/edit?year=R6");
        Assert.Contains("計画を公表済み", fixedPage.QuerySelector("[data-fixed]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/plans/1-9/edit?year=R6&correction=1", fixedPage.QuerySelector("[data-correction-link]")!.GetAttribute("href"));
        Assert.True(fixedPage.QuerySelector("form.report-form fieldset.plan-fields")!.HasAttribute("disabled"));
        Assert.Null(fixedPage.QuerySelector("form.report-form")!.QuerySelector("button[type='submit']"));

        var form = (await office.GetDocumentAsync("/plans/1-9/edit?year=R6&correction=1")).FormFields("form.report-form");
        Assert.True(form.ContainsKey("CorrectionReason"));
        form["Name"] = Corrected;
        var before = await app.SnapshotAsync();

        // Without a reason: refused in Japanese, nothing saved or published.
        var noReason = await office.PostFormAsync("/plans/1-9/edit?year=R6&correction=1", "/plans/1-9/edit?year=R6&correction=1", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("訂正の理由を入力してください。", (await noReason.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());

        // The normal edit of the fixed version is refused by the entity.
        var normal = await office.PostFormAsync("/plans/1-9/edit?year=R6", "/plans/1-9/edit?year=R6", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, normal.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());

        // A department cannot correct.
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var byDepartment = await shimin.PostFormAsync("/plans/1-9", "/plans/1-9/edit?year=R6&correction=1", new Dictionary<string, string>(form) { ["CorrectionReason"] = Reason });
        Assert.Equal(HttpStatusCode.Forbidden, byDepartment.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());

        var firstPdf = await office.GetByteArrayAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        form["CorrectionReason"] = Reason;
        var done = await office.PostFormAsync("/plans/1-9/edit?year=R6&correction=1", "/plans/1-9/edit?year=R6&correction=1", form);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The change, the 訂正 record, the history (before/after and the reason) and the audit event.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            Assert.Equal(Corrected, await db.Plans.Where(p => p.FieldNumber == 1 && p.Number == 9).Select(p => p.Name).SingleAsync());
            var correction = await db.Set<Correction>().SingleAsync();
            Assert.Equal((CorrectionKind.Plan, Reason, 2), (correction.Kind, correction.Reason, correction.Revision));
            Assert.StartsWith(WorkflowFixture.Office, correction.By, StringComparison.Ordinal);
            var history = await db.History.Where(h => h.EditionYear == 6).Select(h => new { h.Field, h.Before, h.After }).ToListAsync();
            Assert.Contains(history, h => h.Field == "計画名" && h.Before == "コンビニ交付の普及推進" && h.After == Corrected);
            Assert.Contains(history, h => h.Field == "訂正（計画）" && h.After.Contains(Reason, StringComparison.Ordinal) && h.After.Contains("第2版", StringComparison.Ordinal));
            Assert.Contains(await db.AuditEvents.Where(e => e.Action == Infrastructure.Auditing.AuditAction.Corrected).Select(e => e.Detail).ToListAsync(),
                d => d.Contains(Reason, StringComparison.Ordinal));
            var files = await db.Set<PublishedFile>().Where(f => f.Kind == PublishedKind.Plan).Select(f => new { f.Format, f.Revision }).ToListAsync();
            Assert.Equal(8, files.Count);
            Assert.All(Enum.GetValues<PublishedFormat>(), format => Assert.Equal([1, 2], files.Where(f => f.Format == format).Select(f => f.Revision).Order()));
        }

        // /booklets/R6.pdf now serves 第2版 with the corrected name; 第1版 stays downloadable with its checksum.
        var current = await office.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var currentBytes = await current.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(currentBytes)), current.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Contains(Compact(Corrected), PdfText(currentBytes), StringComparison.Ordinal);
        var editions = await office.GetDocumentAsync("/booklets");
        var first = editions.QuerySelector("tr[data-file='Plan-Pdf-1']")!;
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(firstPdf)), first.TextContent, StringComparison.Ordinal);
        Assert.Contains("第2版（最新）", editions.QuerySelector("tr[data-file='Plan-Pdf-2']")!.TextContent, StringComparison.Ordinal);
        var old = await office.GetAsync(new Uri(first.QuerySelector("a")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(firstPdf, await old.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(firstPdf)), old.Headers.GetValues("X-Content-SHA256").Single());
        Assert.DoesNotContain(Compact(Corrected), PdfText(firstPdf), StringComparison.Ordinal);

        // The edition's page lists the 訂正.
        var listed = editions.QuerySelector("tr[data-edition='R6'] [data-corrections] tr[data-correction='1-9']")!.TextContent;
        Assert.Contains(Reason, listed, StringComparison.Ordinal);
        Assert.Contains("計画の第2版", listed, StringComparison.Ordinal);

        // The same form again is stale: 409, the person's input kept, nothing saved.
        var afterCorrection = await app.SnapshotAsync();
        form["Name"] = "二度目の訂正";
        var stale = await office.PostFormAsync("/plans/1-9/edit?year=R6&correction=1", "/plans/1-9/edit?year=R6&correction=1", form);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stalePage = await stale.ParseAsync();
        Assert.Equal("二度目の訂正", stalePage.QuerySelector("form.report-form [name='Name']")!.GetAttribute("value"));
        Assert.Equal(Reason, stalePage.QuerySelector("#CorrectionReason")!.TextContent);
        Assert.Equal(afterCorrection, await app.SnapshotAsync());
    }

    internal static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Text).Where(c => !char.IsWhiteSpace(c)));
    }
}

/// <summary>While R6 is a draft there is nothing to correct, and department entry of R6 reports is not open yet.</summary>
public sealed class DraftEditionRefusalTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_correction_of_a_drafts_plan_is_refused_edit_it_normally()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var page = await office.GetDocumentAsync("/plans/1-9/edit?correction=1");
        Assert.Contains("訂正は不要です", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-correction-mode]"));
        var form = page.FormFields("form.report-form");
        form["Name"] = "案の訂正";
        form["CorrectionReason"] = "理由";

        var response = await office.PostFormAsync("/plans/1-9/edit?correction=1", "/plans/1-9/edit?correction=1", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("訂正は不要です", (await response.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        Assert.Equal("コンビニ交付の普及推進", await db.Plans.Where(p => p.FieldNumber == 1 && p.Number == 9).Select(p => p.Name).SingleAsync());
        Assert.Equal(0, await db.Set<Correction>().CountAsync());
    }

    [Theory]
    [InlineData(WorkflowFixture.Shimin)]
    [InlineData(WorkflowFixture.Office)]
    public async Task The_R6_report_cannot_be_entered_before_R6_is_published(string user)
    {
        var client = await app.SignedInClientAsync(user);
        var page = await client.GetDocumentAsync("/plans/1-9/report");
        Assert.Equal("令和6年度版はまだ計画の公表前のため、令和6年度の取組状況報告は入力できません。企画課が計画を公表した後に入力してください。",
            page.QuerySelector("[data-entry-not-open]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form.report-form"));

        foreach (var command in new[] { "save", "submit" })
        {
            var response = await client.PostReportAsync("1-9", new Dictionary<string, string>
            {
                ["Version"] = "0", ["StatusReport"] = "公表前の報告", ["Grade"] = "B", ["NextYearPolicy"] = "方針", ["Command"] = command,
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var refused = await response.ParseAsync();
            Assert.Contains("計画の公表前", refused.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("公表前の報告", refused.QuerySelector("[data-unsaved-input]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(await app.StoredReportAsync("1-9"));
    }

    [Fact]
    public async Task The_department_workbook_of_a_draft_edition_is_refused_at_the_preview()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = await shimin.GetByteArrayAsync(new Uri("/my/workbook.xlsx?year=R6", UriKind.Relative));

        var response = await ReportCorrectionTests.UploadAsync(shimin, workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("令和6年度版はまだ計画の公表前のため、令和6年度の取組状況報告は入力できません", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/my/workbook/confirm']"));
        Assert.Null(await app.StoredReportAsync("1-9"));
    }

    [Fact]
    public async Task A_report_correction_before_the_year_is_closed_is_refused()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var response = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/correct", new Dictionary<string, string>
        {
            ["Version"] = "0", ["StatusReport"] = "訂正", ["Grade"] = "A", ["NextYearPolicy"] = "方針", ["Reason"] = "誤記",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("訂正は不要です", (await response.ParseAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.StoredReportAsync("1-9"));
    }
}

/// <summary>R6 published and closed (every report accepted); 1-9's report is then corrected by the 企画課.</summary>
public sealed class ClosedYearFixture : WorkflowFixture
{
    public const string Accepted = "確定した1-9の報告";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var r6 = new FiscalYear(6);
        await this.PublishWithStandInPdfAsync(r6);
        await this.AcceptEveryReportAsync(r6, plan => plan == "1-9" ? Accepted : $"{plan}の報告");

        await this.CloseWithStandInPdfAsync(r6);
    }
}

/// <summary>
/// 訂正 of a closed year's report: the 企画課 only, with a reason; the results booklet and open data are published again
/// as 第2版, 第1版 kept. The department's paths (form, Excel) stay closed and say so.
/// </summary>
public sealed class ReportCorrectionTests(ClosedYearFixture app) : IClassFixture<ClosedYearFixture>
{
    private const string CorrectedText = "訂正後の1-9の報告：交付件数は17,500件でした。";
    private const string Reason = "実績の件数の誤記を訂正します。";

    [Fact]
    public async Task The_planning_office_corrects_a_closed_report_and_the_results_are_published_again()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var page = await office.GetDocumentAsync("/plans/1-9/report");
        Assert.NotNull(page.QuerySelector("[data-closed]"));
        var form = page.FormFields("form.correction-form");
        Assert.Equal(ClosedYearFixture.Accepted, form["StatusReport"]);
        Assert.Null((await shimin.GetDocumentAsync("/plans/1-9/report")).QuerySelector("form.correction-form"));
        form["StatusReport"] = CorrectedText;
        form["Grade"] = "A";
        var before = await app.SnapshotAsync();

        // A department may not; without a reason it is refused; nothing moves.
        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/correct", new Dictionary<string, string>(form) { ["Reason"] = Reason })).StatusCode);
        var noReason = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/correct", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var refusedPage = await noReason.ParseAsync();
        Assert.Contains("訂正の理由を入力してください。", refusedPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CorrectedText, refusedPage.QuerySelector("#correct-status-report")!.TextContent);
        Assert.Equal(before, await app.SnapshotAsync());

        form["Reason"] = Reason;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/correct", form)).StatusCode);

        var stored = (await app.StoredReportAsync("1-9"))!;
        Assert.Equal((CorrectedText, EvaluationGrade.A, ReportStatus.Accepted, true), (stored.StatusReport, stored.Grade, stored.Status, stored.IsClosed));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var correction = await db.Set<Correction>().SingleAsync();
            Assert.Equal((CorrectionKind.Report, Reason, 2), (correction.Kind, correction.Reason, correction.Revision));
            var history = await db.History.Where(h => h.Year == 6).Select(h => new { h.Field, h.Before, h.After }).ToListAsync();
            Assert.Contains(history, h => h.Field == "取組状況報告" && h.Before == ClosedYearFixture.Accepted && h.After == CorrectedText);
            Assert.Contains(history, h => h.Field == "年度末評価" && h.Before == "B" && h.After == "A");
            Assert.Contains(history, h => h.Field == "訂正（報告）" && h.After.Contains(Reason, StringComparison.Ordinal));
            var results = await db.Set<PublishedFile>().Where(f => f.Kind == PublishedKind.Results).Select(f => new { f.Format, f.Revision }).ToListAsync();
            Assert.All(Enum.GetValues<PublishedFormat>(), format => Assert.Equal([1, 2], results.Where(f => f.Format == format).Select(f => f.Revision).Order()));
            Assert.Equal(4, await db.Set<PublishedFile>().CountAsync(f => f.Kind == PublishedKind.Plan));
        }

        // The results booklet and the open data now carry the correction; the page lists it.
        var pdf = await office.GetByteArrayAsync(new Uri("/booklets/R6/results.pdf", UriKind.Relative));
        Assert.Contains(PlanCorrectionTests.Compact(CorrectedText), PlanCorrectionTests.PdfText(pdf), StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await app.CreateClient().GetByteArrayAsync(new Uri("/opendata/R6.csv", UriKind.Relative)));
        Assert.Contains(CorrectedText, csv, StringComparison.Ordinal);
        var listed = (await office.GetDocumentAsync("/booklets")).QuerySelector("[data-corrections] tr[data-correction='1-9']")!.TextContent;
        Assert.Contains("報告", listed, StringComparison.Ordinal);
        Assert.Contains("実績の第2版", listed, StringComparison.Ordinal);

        // The same form again is stale: 409 with the input kept.
        var afterCorrection = await app.SnapshotAsync();
        form["StatusReport"] = "二度目の訂正";
        var stale = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/correct", form);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("二度目の訂正", (await stale.ParseAsync()).QuerySelector("#correct-status-report")!.TextContent);
        Assert.Equal(afterCorrection, await app.SnapshotAsync());
    }

    [Fact]
    public async Task The_department_workbook_of_a_closed_year_is_refused_at_the_preview()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var before = await app.SnapshotAsync();
        var workbook = await shimin.GetByteArrayAsync(new Uri("/my/workbook.xlsx?year=R6", UriKind.Relative));

        var response = await UploadAsync(shimin, workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("令和6年度の実績は確定済のため", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/my/workbook/confirm']"));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    /// <summary>Uploads as the upload form on /my/plans does (its hidden fields, the file).</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content)
    {
        var page = await client.GetDocumentAsync("/my/plans");
        var form = page.QuerySelector("form[data-workbook-upload]") ?? throw new InvalidOperationException("No upload form on /my/plans.");
        using var multipart = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type='hidden']"))
        {
            multipart.Add(new StringContent(input.GetAttribute("value") ?? string.Empty), input.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        multipart.Add(file, "File", "年度末報告_R6.xlsx");
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), multipart);
    }
}
