using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Workbook;

/// <summary>
/// The department Excel round trip through HTTP: download, fill in with ClosedXML as a person would in Excel, upload,
/// preview, confirm; and every hostile or stale file refused with the sheet and cell named and nothing saved.
/// </summary>
public sealed class DepartmentWorkbookTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly FiscalYear R6 = new(6);
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Download_for_a_department_editor_has_one_protected_sheet_per_plan_with_only_the_three_inputs_unlocked()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.GetAsync(new Uri("/my/workbook.xlsx?year=R6", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        using var book = Open(await response.Content.ReadAsByteArrayAsync());
        var visible = book.Worksheets.Where(s => s.Visibility == XLWorksheetVisibility.Visible).Select(s => s.Name).ToList();
        Assert.Equal(["説明", "1-9", "1-10"], visible);
        Assert.Equal(XLWorksheetVisibility.VeryHidden, book.Worksheet("_meta").Visibility);
        Assert.True(book.Worksheet("_meta").Protection.IsProtected);

        foreach (var number in new[] { "1-9", "1-10" })
        {
            var sheet = book.Worksheet(number);
            var plan = await PlanAsync(number);
            Assert.True(sheet.Protection.IsProtected, $"{number} is not protected");
            Assert.True(sheet.Protection.IsPasswordProtected, $"{number} has no password");
            Assert.Equal(number, sheet.Cell("C3").GetString());
            Assert.Equal(plan.Name, sheet.Cell("C4").GetString());
            Assert.Equal(plan.ExecutingDepartmentsText, sheet.Cell("C5").GetString());
            Assert.Equal(plan.TargetFor(R6), sheet.Cell("C6").GetString());
            foreach (var input in new[] { "C7", "C8", "C9" })
            {
                Assert.False(sheet.Cell(input).Style.Protection.Locked, $"{number}!{input} is locked");
            }

            foreach (var locked in new[] { "A1", "A2", "B3", "C3", "C4", "C5", "C6", "B7", "B8", "B9", "C10", "D7" })
            {
                Assert.True(sheet.Cell(locked).Style.Protection.Locked, $"{number}!{locked} is not locked");
            }

            var grade = Assert.Single(sheet.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.ToString() == "C8:C8"));
            Assert.Equal(XLAllowedValues.List, grade.AllowedValues);
            Assert.Equal("A,B,C", grade.Value.Trim('"'));
        }

        var guide = book.Worksheet("説明");
        Assert.Contains(guide.CellsUsed(), c => c.GetString().Contains("黄色のセルだけ入力できます", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_planning_office_downloads_a_chosen_departments_workbook_and_an_editor_only_their_own()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var shiminId = await app.DepartmentIdAsync("市民課");
        var johoId = await app.DepartmentIdAsync("情報システム課");

        using var forShimin = Open(await office.GetByteArrayAsync(new Uri($"/my/workbook.xlsx?year=R6&department={shiminId}", UriKind.Relative)));
        var other = await shimin.GetAsync(new Uri($"/my/workbook.xlsx?year=R6&department={johoId}", UriKind.Relative));
        var page = await Parser.ParseDocumentAsync(await office.GetStringAsync(new Uri($"/my/plans?department={johoId}", UriKind.Relative)));

        Assert.Equal(["1-9", "1-10"], PlanSheets(forShimin));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal($"/my/workbook.xlsx?year=R6&department={johoId}", page.QuerySelector("[data-workbook-download]")!.GetAttribute("href"));
        Assert.Equal(["1-4", "2-18"], page.QuerySelectorAll("tr[data-plan]").Select(r => r.GetAttribute("data-plan")));
    }

    [Fact]
    public async Task Readers_may_neither_download_nor_upload_and_an_upload_needs_the_antiforgery_token()
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book => book.Worksheet("1-9").Cell("C7").SetValue("トークンなし"));
        var before = await app.SnapshotAsync();

        var download = await reader.GetAsync(new Uri("/my/workbook.xlsx?year=R6", UriKind.Relative));
        using var readerUpload = new MultipartFormDataContent { { new ByteArrayContent(workbook), "File", "a.xlsx" } };
        var upload = await reader.PostAsync(new Uri("/my/workbook", UriKind.Relative), readerUpload);
        using var withoutToken = new MultipartFormDataContent { { new ByteArrayContent(workbook), "File", "a.xlsx" } };
        var forged = await shimin.PostAsync(new Uri("/my/workbook", UriKind.Relative), withoutToken);

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_filled_workbook_is_previewed_field_by_field_then_saved_as_drafts_with_history()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var before109 = await ReportAsync("1-9");
        var before110 = await ReportAsync("1-10");
        var (grade9, grade10) = (before109?.Grade == EvaluationGrade.A ? "C" : "A", before110?.Grade == EvaluationGrade.B ? "ａ" : "ｂ");
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            var sheet = book.Worksheet("1-9");
            sheet.Cell("C7").SetValue("マイナンバーカードの交付件数は17,000件でした。\n休日窓口を月2回開設しました。");
            sheet.Cell("C8").SetValue(grade9);
            sheet.Cell("C9").SetValue("改善策：出張申請受付を続けます。");
            book.Worksheet("1-10").Cell("C8").SetValue(grade10);
        });

        var preview = await UploadAsync(shimin, workbook);
        var html = await preview.Content.ReadAsStringAsync();
        var page = await Parser.ParseDocumentAsync(html);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Empty(page.QuerySelectorAll("[data-import-errors]"));
        var plan9 = page.QuerySelector("section[data-plan='1-9']")!;
        Assert.Equal(["C7", "C8", "C9"], plan9.QuerySelectorAll("tr[data-cell]").Select(r => r.GetAttribute("data-cell")));
        Assert.Equal(Before(before109?.StatusReport), plan9.QuerySelector("tr[data-cell='C7'] .diff-before")!.TextContent);
        Assert.Equal("マイナンバーカードの交付件数は17,000件でした。\n休日窓口を月2回開設しました。", plan9.QuerySelector("tr[data-cell='C7'] .diff-after")!.TextContent);
        Assert.Equal(grade9, plan9.QuerySelector("tr[data-cell='C8'] .diff-after")!.TextContent);
        var plan10 = page.QuerySelector("section[data-plan='1-10']")!;
        var expected10 = grade10 == "ｂ" ? "B" : "A";
        Assert.Equal(expected10, Assert.Single(plan10.QuerySelectorAll("tr[data-cell]")).QuerySelector(".diff-after")!.TextContent);
        Assert.Equal(before109, await ReportAsync("1-9"));

        var confirmed = await ConfirmAsync(shimin, page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/my/plans", confirmed.Headers.Location!.OriginalString);
        var notice = await shimin.GetStringAsync(new Uri("/my/plans", UriKind.Relative));
        Assert.Contains("Excelから2件の計画（1-9、1-10）の年度末報告を下書きとして保存しました。", notice, StringComparison.Ordinal);
        var saved = (await ReportAsync("1-9"))!;
        Assert.Equal("マイナンバーカードの交付件数は17,000件でした。\n休日窓口を月2回開設しました。", saved.StatusReport);
        Assert.Equal(Enum.Parse<EvaluationGrade>(grade9), saved.Grade);
        Assert.Equal("改善策：出張申請受付を続けます。", saved.NextYearPolicy);
        Assert.Equal(ReportStatus.Draft, saved.Status);
        Assert.Equal(Enum.Parse<EvaluationGrade>(expected10), (await ReportAsync("1-10"))!.Grade);

        var reportPage = await Parser.ParseDocumentAsync(await shimin.GetStringAsync(new Uri("/plans/1-9/report", UriKind.Relative)));
        Assert.Equal("改善策：出張申請受付を続けます。", reportPage.QuerySelector("textarea[name='NextYearPolicy']")!.TextContent.Trim());
        var history = await HistoryRowsAsync(shimin, "1-9");
        Assert.Contains(history, r => r[1].Contains(WorkflowFixture.Shimin, StringComparison.Ordinal) && r[2] == "R6年度 取組状況報告"
            && r[4] == "マイナンバーカードの交付件数は17,000件でした。\n休日窓口を月2回開設しました。");
        Assert.Contains(history, r => r[2] == "R6年度 年度末評価" && r[4] == grade9);
        Assert.Contains(history, r => r[2] == "R6年度 次年度に向けた取組方針" && r[4] == "改善策：出張申請受付を続けます。");

        // The same preview cannot be confirmed twice.
        var again = await ConfirmAsync(shimin, page);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    [Fact]
    public async Task A_workbook_of_another_edition_is_refused()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            book.Worksheet("1-9").Cell("C7").SetValue("前年度のファイルに入力");
            SetMeta(book, "edition", "R5");
        });

        await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity,
            "このファイルは令和5年度版（令和5年度の年度末報告）のものです。令和6年度の報告には、令和6年度版のファイルをダウンロードして使ってください。");
    }

    [Fact]
    public async Task Another_departments_workbook_is_refused_for_an_editor_of_a_different_department()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var workbook = Edit(await DownloadAsync(shimin), book => book.Worksheet("1-9").Cell("C7").SetValue("情報システム課が書き換え"));

        await AssertRefusedAsync(joho, workbook, HttpStatusCode.Forbidden,
            "このファイルは「市民課」の計画のファイルです。あなたの担当部署（情報システム課）のファイルではないため、取り込めません。");
    }

    [Fact]
    public async Task Changed_locked_cells_are_refused_naming_each_sheet_and_cell()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            book.Worksheet("1-9").Cell("C6").SetValue("目標を書き換えました");
            book.Worksheet("1-10").Cell("C4").SetValue("計画名を書き換えました");
            book.Worksheet("1-10").Cell("C7").SetValue("報告");
        });

        var body = await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity,
            "シート「1-9」のセルC6：令和6年度の達成目標は変更できないセルです。ダウンロードしたときの内容に戻してください。");
        Assert.Contains("シート「1-10」のセルC4：計画名は変更できないセルです。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grade_outside_A_B_C_is_refused_with_the_sheet_and_cell()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            book.Worksheet("1-9").Cell("C7").SetValue("報告");
            book.Worksheet("1-9").Cell("C8").SetValue("S");
        });

        await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity, "シート「1-9」のセルC8：年度末評価はA・B・Cのいずれかにしてください。");
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_with_the_limit_not_a_crash()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var big = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(big);

        await AssertRefusedAsync(shimin, big, HttpStatusCode.RequestEntityTooLarge, "取り込めるファイルは2MBまでです。");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_opened()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var bomb = HostileFiles.ZipBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        await AssertRefusedAsync(shimin, bomb, HttpStatusCode.UnprocessableEntity, "このファイルは展開後のサイズが異常に大きいため（ZIP爆弾の疑い）、取り込みません。");
    }

    [Theory]
    [InlineData("pdf", "PDFファイルは取り込めません。")]
    [InlineData("text", "Excelファイル（.xlsx）ではありません。")]
    [InlineData("corrupt", "ファイルが壊れているため読み込めません。")]
    [InlineData("zip", "Excelファイル（.xlsx）ではありません（ブックの本体が見つかりません）。")]
    public async Task Files_that_are_not_Excel_workbooks_are_refused(string kind, string message)
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var content = kind switch
        {
            "pdf" => HostileFiles.Pdf(),
            "text" => HostileFiles.Text(),
            "corrupt" => HostileFiles.CorruptZip(),
            _ => ZipOf("readme.txt"),
        };

        await AssertRefusedAsync(shimin, content, HttpStatusCode.UnprocessableEntity, message);
    }

    [Fact]
    public async Task A_workbook_without_its_metadata_sheet_is_refused()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            book.Worksheet("1-9").Cell("C7").SetValue("報告");
            book.Worksheet("_meta").Delete();
        });

        await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity, "取り込み用の管理情報（非表示のシート）が見つかりません。");
    }

    [Fact]
    public async Task A_workbook_is_stale_when_the_planning_office_changed_the_plan_after_download()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var downloaded = await DownloadAsync(shimin);
        await ChangePlanAsync("1-10", p => p.SetTarget(R6, p.TargetFor(R6) + "（改定）"));
        var workbook = Edit(downloaded, book => book.Worksheet("1-10").Cell("C7").SetValue("古い目標に対する報告"));

        await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity,
            "シート「1-10」のセルC6：ダウンロードの後に、企画課が「令和6年度の達成目標」を変更しました。最新のファイルをダウンロードし直して、入力し直してください。");
    }

    [Fact]
    public async Task A_workbook_is_stale_when_someone_saved_the_report_after_download()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var downloaded = await DownloadAsync(shimin);
        var saved = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report", new Dictionary<string, string>
        {
            ["Version"] = ((await ReportAsync("1-9"))?.Version ?? 0).ToString(CultureInfo.InvariantCulture),
            ["StatusReport"] = "企画課が画面で入力",
            ["Grade"] = "B",
            ["NextYearPolicy"] = "企画課の方針",
            ["Command"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var workbook = Edit(downloaded, book => book.Worksheet("1-9").Cell("C9").SetValue("Excelで入力した方針"));

        var body = await AssertRefusedAsync(shimin, workbook, HttpStatusCode.UnprocessableEntity,
            "シート「1-9」：この計画の年度末報告は、ダウンロードの後に");
        Assert.Contains($"{WorkflowFixture.Office}（テスト）さん", body, StringComparison.Ordinal);
        Assert.Equal("企画課の方針", (await ReportAsync("1-9"))!.NextYearPolicy);
    }

    [Fact]
    public async Task A_sheet_left_untouched_is_not_stale_when_someone_saved_its_report_after_download()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var downloaded = await DownloadAsync(shimin);
        var version = (await ReportAsync("1-10"))?.Version ?? 0;
        await shimin.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(CultureInfo.InvariantCulture), ["StatusReport"] = "画面で入力した1-10", ["Grade"] = "", ["NextYearPolicy"] = "", ["Command"] = "save",
        });
        var workbook = Edit(downloaded, book => book.Worksheet("1-9").Cell("C7").SetValue("1-9だけExcelで入力 " + Guid.NewGuid().ToString("N")));

        var preview = await Parser.ParseDocumentAsync(await (await UploadAsync(shimin, workbook)).Content.ReadAsStringAsync());

        Assert.NotNull(preview.QuerySelector("section[data-plan='1-9']"));
        Assert.Null(preview.QuerySelector("section[data-plan='1-10']"));
        Assert.Contains("シート「1-10」：ダウンロードの後に", preview.QuerySelector("[data-import-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(shimin, preview)).StatusCode);
        Assert.Equal("画面で入力した1-10", (await ReportAsync("1-10"))!.StatusReport);
    }

    [Fact]
    public async Task An_accepted_report_cannot_be_changed_through_the_workbook()
    {
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var submitted = await joho.PostFormAsync("/plans/2-18/report", "/plans/2-18/report", new Dictionary<string, string>
        {
            ["Version"] = ((await ReportAsync("2-18"))?.Version ?? 0).ToString(CultureInfo.InvariantCulture),
            ["StatusReport"] = "ペーパーレス会議を12回実施しました。", ["Grade"] = "A", ["NextYearPolicy"] = "全庁に広げます。", ["Command"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var accepted = await office.PostFormAsync("/plans/2-18/report", "/plans/2-18/report/accept", new Dictionary<string, string>
        {
            ["Version"] = (await ReportAsync("2-18"))!.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var downloaded = await DownloadAsync(joho);
        using (var book = Open(downloaded))
        {
            Assert.True(book.Worksheet("2-18").Cell("C7").Style.Protection.Locked);
            Assert.Contains("確認済", book.Worksheet("2-18").Cell("A2").GetString(), StringComparison.Ordinal);
        }

        // Someone removes the protection in Excel and types anyway.
        var workbook = Edit(downloaded, book => book.Worksheet("2-18").Cell("C8").SetValue("C"));

        await AssertRefusedAsync(joho, workbook, HttpStatusCode.UnprocessableEntity,
            "シート「2-18」のセルC8：この報告は確認済のため変更できません。変更が必要な場合は企画課に再開を依頼してください。");
        Assert.Equal(EvaluationGrade.A, (await ReportAsync("2-18"))!.Grade);
    }

    [Fact]
    public async Task If_one_plan_changed_between_preview_and_confirmation_nothing_is_saved()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var stamp = Guid.NewGuid().ToString("N");
        var workbook = Edit(await DownloadAsync(shimin), book =>
        {
            book.Worksheet("1-9").Cell("C7").SetValue("1-9の報告 " + stamp);
            book.Worksheet("1-10").Cell("C7").SetValue("1-10の報告 " + stamp);
        });
        var preview = await Parser.ParseDocumentAsync(await (await UploadAsync(shimin, workbook)).Content.ReadAsStringAsync());
        Assert.Equal(2, preview.QuerySelectorAll("section[data-plan]").Length);
        var report110 = await ReportAsync("1-10");
        await office.PostFormAsync("/plans/1-10/report", "/plans/1-10/report", new Dictionary<string, string>
        {
            ["Version"] = (report110?.Version ?? 0).ToString(CultureInfo.InvariantCulture),
            ["StatusReport"] = "企画課が先に保存 " + stamp, ["Grade"] = "", ["NextYearPolicy"] = "", ["Command"] = "save",
        });
        var before = await app.SnapshotAsync();

        var confirmed = await ConfirmAsync(shimin, preview);
        var body = await confirmed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);
        Assert.Contains("シート「1-10」：この計画の年度末報告は、ダウンロードの後に", body, StringComparison.Ordinal);
        Assert.Contains("1件でも保存できない計画があるため、何も保存していません。", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.NotEqual("1-9の報告 " + stamp, (await ReportAsync("1-9"))?.StatusReport);
    }

    [Fact]
    public async Task Cancelling_a_preview_saves_nothing()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var workbook = Edit(await DownloadAsync(shimin), book => book.Worksheet("1-9").Cell("C7").SetValue("取り消す入力 " + Guid.NewGuid().ToString("N")));
        var preview = await Parser.ParseDocumentAsync(await (await UploadAsync(shimin, workbook)).Content.ReadAsStringAsync());
        var before = await app.SnapshotAsync();

        var form = preview.QuerySelector("form[action='/my/workbook/cancel']")!;
        var cancelled = await PostFormAsync(shimin, form);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(HttpStatusCode.Gone, (await ConfirmAsync(shimin, preview)).StatusCode);
    }

    // ---- helpers ----

    private async Task<string> AssertRefusedAsync(HttpClient client, byte[] content, HttpStatusCode status, string message)
    {
        var before = await app.SnapshotAsync();

        var response = await UploadAsync(client, content);
        var body = await response.Content.ReadAsStringAsync();
        var page = await Parser.ParseDocumentAsync(body);

        Assert.Equal(status, response.StatusCode);
        var errors = page.QuerySelector("[data-import-errors]")?.TextContent ?? string.Empty;
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains("何も保存していません。", errors, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/my/workbook/confirm']"));
        Assert.Equal(before, await app.SnapshotAsync());
        return body;
    }

    internal static async Task<byte[]> DownloadAsync(HttpClient client) =>
        await client.GetByteArrayAsync(new Uri("/my/workbook.xlsx?year=R6", UriKind.Relative));

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "年度末報告_R6.xlsx")
    {
        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri("/my/plans", UriKind.Relative)));
        var form = page.QuerySelector("form[data-workbook-upload]") ?? throw new InvalidOperationException("No upload form on /my/plans.");
        using var multipart = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type='hidden']"))
        {
            multipart.Add(new StringContent(input.GetAttribute("value") ?? string.Empty), input.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        multipart.Add(file, "File", fileName);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), multipart);
    }

    internal static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IDocument preview) =>
        PostFormAsync(client, preview.QuerySelector("form[action='/my/workbook/confirm']")
            ?? throw new InvalidOperationException("The preview has no confirm form: " + preview.QuerySelector("[data-import-errors]")?.TextContent));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IElement form)
    {
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    private static XLWorkbook Open(byte[] content) => new(new MemoryStream(content));

    /// <summary>Opens, changes and saves a workbook as a person in Excel would; ClosedXML ignores the protection.</summary>
    internal static byte[] Edit(byte[] content, Action<XLWorkbook> edit)
    {
        using var book = Open(content);
        edit(book);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    private static void SetMeta(XLWorkbook book, string key, string value)
    {
        var meta = book.Worksheet("_meta");
        var row = meta.RowsUsed().First(r => r.Cell(1).GetString() == key);
        row.Cell(2).SetValue(value);
    }

    private static IReadOnlyList<string> PlanSheets(XLWorkbook book) =>
        book.Worksheets.Where(s => s.Visibility == XLWorksheetVisibility.Visible && s.Name != "説明").Select(s => s.Name).ToList();

    private static byte[] ZipOf(string name)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write("hello"u8);
        }

        return output.ToArray();
    }

    private static string Before(string? text) => string.IsNullOrEmpty(text) ? "（空欄）" : text;

    private static async Task<List<List<string>>> HistoryRowsAsync(HttpClient client, string planId)
    {
        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri($"/plans/{planId}/history", UriKind.Relative)));
        return page.QuerySelectorAll("table.history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
    }

    private async Task<Plan> PlanAsync(string number)
    {
        var n = PlanNumber.Parse(number);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        return await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .SingleAsync(p => p.FieldNumber == n.Field && p.Number == n.Number);
    }

    private async Task ChangePlanAsync(string number, Action<Plan> change)
    {
        var n = PlanNumber.Parse(number);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var plan = await db.Plans.Include(p => p.YearTargets).Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .SingleAsync(p => p.FieldNumber == n.Field && p.Number == n.Number);

        // R6 is published (report entry opens then): the 企画課 changes a published plan only by a 訂正.
        using (plan.OpenForCorrection("ダウンロード後の訂正（試験）"))
        {
            change(plan);
        }

        await db.SaveChangesAsync();
    }

    private async Task<ReportRow?> ReportAsync(string planId) =>
        await app.StoredReportAsync(planId) is { } r ? new ReportRow(r.StatusReport, r.Grade, r.NextYearPolicy, r.Status, r.Version) : null;

    private sealed record ReportRow(string StatusReport, EvaluationGrade? Grade, string NextYearPolicy, ReportStatus Status, int Version);
}
