using System.Net;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Notices;

/// <summary>
/// Notices in the application and by e-mail through a real SMTP server, and the thread between a department and the
/// 企画課: who is told what, who may read and write, and what the 企画課's review requires.
/// </summary>
public sealed class NoticeWorkflowTests(MailWorkflowFixture app) : IClassFixture<MailWorkflowFixture>
{
    private const string OfficeMail = "t-kikaku@example.jp";
    private const string ShiminMail = "t-shimin@example.jp";
    private const string JohoMail = "t-joho@example.jp";

    [Fact]
    public async Task A_return_reaches_the_department_in_the_app_and_by_mail_and_opens_the_thread_that_the_department_answers()
    {
        using var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        using var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        // Submitted → the 企画課, in the app and in its SMTP inbox.
        await shimin.SubmitReportAsync("1-9");
        Assert.Contains(await app.NoticesOfAsync(WorkflowFixture.Office), n => n.Kind == NoticeKind.ReportSubmitted && n.Title.Contains("1-9", StringComparison.Ordinal));
        var submittedMail = await app.Inbox.WaitForAsync(OfficeMail, "1-9");
        Assert.Contains("提出されました", submittedMail.Subject, StringComparison.Ordinal);
        Assert.Contains("https://gyoseikaikaku.example.jp/plans/1-9/report?year=R6", submittedMail.TextBody, StringComparison.Ordinal);

        // Returned with a comment → the department's editors; the comment is the thread's first entry.
        var returned = await office.ReviewAsync(app, "1-9", "return", "目標（17,000件）と比べた実績を書いてください。");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var notice = Assert.Single(await app.NoticesOfAsync(WorkflowFixture.Shimin), n => n.Kind == NoticeKind.ReportReturned);
        Assert.Contains("目標（17,000件）と比べた実績を書いてください。", notice.Body, StringComparison.Ordinal);
        Assert.Equal("/plans/1-9/report?year=R6", notice.Link);
        var mail = await app.Inbox.WaitForAsync(ShiminMail, "差し戻されました");
        Assert.Contains("1-9", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("目標（17,000件）と比べた実績を書いてください。", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("gyoseikaikaku@example.jp", mail.From.Mailboxes.Single().Address);
        var first = Assert.Single(await app.ThreadAsync("1-9"));
        Assert.Equal((ReportCommentKind.Returned, true), (first.Kind, first.FromPlanningOffice));

        // The header counts the unread notice; the notice list holds it; opening it marks it read and leads to the report.
        var start = await shimin.GetDocumentAsync("/notices");
        Assert.NotEqual("0", start.QuerySelector("[data-unread-count]")!.TextContent);
        Assert.NotNull(start.QuerySelector("[data-unread-badge]"));
        var open = await shimin.GetAsync(new Uri($"/notices/{notice.Id}", UriKind.Relative));
        Assert.Equal("/plans/1-9/report?year=R6", open.Headers.Location!.OriginalString);
        Assert.NotNull((await app.NoticesOfAsync(WorkflowFixture.Shimin)).Single(n => n.Id == notice.Id).ReadAt);

        // The department answers in the thread → the 企画課 is told; the 企画課 answers → the department is told.
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.CommentAsync("1-9", "R5の実績（15,200件）と比べて追記しました。")).StatusCode);
        Assert.Contains(await app.NoticesOfAsync(WorkflowFixture.Office), n => n.Kind == NoticeKind.CommentPosted && n.Body.Contains("15,200件", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await office.CommentAsync("1-9", "ありがとうございます。再提出をお待ちしています。")).StatusCode);
        Assert.Contains(await app.NoticesOfAsync(WorkflowFixture.Shimin), n => n.Kind == NoticeKind.CommentPosted && n.Link == "/plans/1-9/report?year=R6#thread");
        Assert.Contains("再提出をお待ちしています", (await app.Inbox.WaitForAsync(ShiminMail, "企画課からコメント")).TextBody, StringComparison.Ordinal);

        // The thread is shown on the report, oldest first, with who wrote and as what.
        var page = await shimin.GetDocumentAsync("/plans/1-9/report");
        var entries = page.QuerySelectorAll("[data-thread] [data-thread-entry]");
        Assert.Equal(new[] { "Returned", "Message", "Message" }, entries.Select(e => e.GetAttribute("data-thread-entry")));
        Assert.Contains("15,200件", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("（企画課）", entries[2].TextContent, StringComparison.Ordinal);

        // ...and in its history.
        var history = await shimin.GetDocumentAsync("/plans/1-9/history");
        Assert.Equal(3, history.QuerySelectorAll("[data-thread] [data-thread-entry]").Length);

        // Nothing about 1-9 reached another department.
        Assert.DoesNotContain(await app.NoticesOfAsync(WorkflowFixture.Joho), n => n.Title.Contains("1-9", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.OutboxToAsync(JohoMail), m => m.Subject.Contains("1-9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_return_without_a_comment_is_refused_on_the_server_and_changes_nothing()
    {
        using var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        using var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        await joho.SubmitReportAsync("2-18");
        var noticesBefore = (await app.NoticesOfAsync(WorkflowFixture.Joho)).Count;

        var response = await office.ReviewAsync(app, "2-18", "return", "   ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("差戻しの理由を入力してください。", (await response.ParseAsync()).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, (await app.StoredReportAsync("2-18"))!.Status);
        Assert.Empty(await app.ThreadAsync("2-18"));
        Assert.Equal(noticesBefore, (await app.NoticesOfAsync(WorkflowFixture.Joho)).Count);

        // On the page, the reason is required before any confirmation, and 確認済 asks for confirmation too.
        var page = await office.GetDocumentAsync("/plans/2-18/report");
        Assert.NotNull(page.QuerySelector("form[action='/plans/2-18/report/return'] textarea[name='Comment'][required]"));
        Assert.NotNull(page.QuerySelector("form[action='/plans/2-18/report/accept'] button[data-confirm]"));
    }

    [Fact]
    public async Task Another_department_and_a_viewer_can_neither_read_nor_write_a_thread_nor_open_anothers_notices()
    {
        using var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        using var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        using var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        using var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.CommentAsync("1-10", "市民課から企画課への質問です。")).StatusCode);
        var before = (await app.ThreadAsync("1-10")).Count;

        // Another department: 403 on reading and on posting (the token comes from a page it may open).
        Assert.Equal(HttpStatusCode.Forbidden, (await joho.GetAsync(new Uri("/plans/1-10/report", UriKind.Relative))).StatusCode);
        var posted = await joho.PostFormAsync("/plans/1-4/report", "/plans/1-10/report/comments", new Dictionary<string, string> { ["Body"] = "見えています" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);

        // A 閲覧 user cannot post either.
        var viewerPost = await reader.PostFormAsync("/notices", "/plans/1-10/report/comments", new Dictionary<string, string> { ["Body"] = "閲覧者です" });
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);
        Assert.Equal(before, (await app.ThreadAsync("1-10")).Count);

        // Once the report is accepted the 閲覧 user may read it, but never its thread.
        await shimin.SubmitReportAsync("1-10");
        Assert.Equal(HttpStatusCode.Redirect, (await office.ReviewAsync(app, "1-10", "accept")).StatusCode);
        var readerPage = await reader.GetAsync(new Uri("/plans/1-10/report", UriKind.Relative));
        if (readerPage.StatusCode == HttpStatusCode.OK)
        {
            var body = await readerPage.Content.ReadAsStringAsync();
            Assert.DoesNotContain("市民課から企画課への質問です。", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, readerPage.StatusCode);
        }

        var readerHistory = await reader.GetAsync(new Uri("/plans/1-10/history", UriKind.Relative));
        Assert.DoesNotContain("市民課から企画課への質問です。", await readerHistory.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another person's notice is not found, and stays unread.
        var accepted = (await app.NoticesOfAsync(WorkflowFixture.Shimin)).Last(n => n.Kind == NoticeKind.ReportAccepted);
        Assert.Equal(HttpStatusCode.NotFound, (await joho.GetAsync(new Uri($"/notices/{accepted.Id}", UriKind.Relative))).StatusCode);
        Assert.Null((await app.NoticesOfAsync(WorkflowFixture.Shimin)).Single(n => n.Id == accepted.Id).ReadAt);
        var johoList = await joho.GetAsync(new Uri("/notices", UriKind.Relative));
        Assert.DoesNotContain("1-10", await johoList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_too_long_comment_is_refused_keeps_what_was_typed_and_tells_nobody()
    {
        using var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var officeNotices = (await app.NoticesOfAsync(WorkflowFixture.Office)).Count;

        var empty = await joho.CommentAsync("2-18", "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("コメントを入力してください。", (await empty.ParseAsync()).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);

        var text = new string('長', ReportComment.MaxBodyLength + 1);
        var tooLong = await joho.CommentAsync("2-18", text);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var page = await tooLong.ParseAsync();
        Assert.Contains("1000文字以内", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.QuerySelector("#thread-body")!.TextContent);

        Assert.DoesNotContain(await app.ThreadAsync("2-18"), c => c.Kind == ReportCommentKind.Message);
        Assert.Equal(officeNotices, (await app.NoticesOfAsync(WorkflowFixture.Office)).Count);
    }

    [Fact]
    public async Task Publishing_tells_every_department_editor_that_entry_opened()
    {
        Assert.Contains(await app.NoticesOfAsync(WorkflowFixture.Shimin), n => n.Kind == NoticeKind.EntryOpened);
        Assert.Contains(await app.NoticesOfAsync(WorkflowFixture.Joho), n => n.Kind == NoticeKind.EntryOpened);
        Assert.DoesNotContain(await app.NoticesOfAsync(WorkflowFixture.Office), n => n.Kind == NoticeKind.EntryOpened);
        Assert.Contains("令和6年度", (await app.Inbox.WaitForAsync(JohoMail, "入力が始まりました")).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_turns_mail_off_gets_notices_in_the_app_only()
    {
        await TestUsers.CreateAsync(app, "t-joho2", Infrastructure.Identity.AppRoles.DepartmentEditor, "情報システム課");
        using var joho2 = await app.SignedInClientAsync("t-joho2");
        using var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        using var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var settings = await joho2.GetDocumentAsync("/notices/settings");
        Assert.Equal("t-joho2@example.jp", settings.QuerySelector("input[name='Email']")!.GetAttribute("value"));
        var saved = await joho2.PostFormAsync("/notices/settings", "/notices/settings", new Dictionary<string, string> { ["Email"] = "t-joho2@example.jp", ["ReceivesMail"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Refused: mail on without an address keeps what was typed.
        var refused = await joho2.PostFormAsync("/notices/settings", "/notices/settings", new Dictionary<string, string> { ["Email"] = "", ["ReceivesMail"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("メールアドレスを入力してください", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await joho.SubmitReportAsync("1-4");
        Assert.Equal(HttpStatusCode.Redirect, (await office.ReviewAsync(app, "1-4", "accept")).StatusCode);

        Assert.Contains(await app.NoticesOfAsync("t-joho2"), n => n.Kind == NoticeKind.ReportAccepted);
        Assert.Empty(await app.OutboxToAsync("t-joho2@example.jp"));
        Assert.Contains(await app.OutboxToAsync(JohoMail), m => m.Subject.Contains("1-4", StringComparison.Ordinal) && m.Subject.Contains("確認済", StringComparison.Ordinal));

        // A 再開 tells the department too (in the app only for the one who turned mail off), and its reason joins the thread.
        Assert.Equal(HttpStatusCode.Redirect, (await office.ReviewAsync(app, "1-4", "reopen", "公開件数の数え方を揃えるため再開します。")).StatusCode);
        Assert.Contains(await app.NoticesOfAsync("t-joho2"), n => n.Kind == NoticeKind.ReportReopened && n.Body.Contains("数え方を揃える", StringComparison.Ordinal));
        Assert.Contains("数え方を揃える", (await app.Inbox.WaitForAsync(JohoMail, "再開されました")).TextBody, StringComparison.Ordinal);
        Assert.Empty(await app.OutboxToAsync("t-joho2@example.jp"));
        var reopened = Assert.Single(await app.ThreadAsync("1-4"));
        Assert.Equal((ReportCommentKind.Reopened, "公開件数の数え方を揃えるため再開します。"), (reopened.Kind, reopened.Body));
    }
}
