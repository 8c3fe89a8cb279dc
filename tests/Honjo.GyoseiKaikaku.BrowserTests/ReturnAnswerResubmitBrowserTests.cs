using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>The browser over an application whose mail goes to a real SMTP server in process.</summary>
public sealed class MailBrowserFixture : IAsyncLifetime
{
    public MailBrowserFixture()
    {
        Browser = new BrowserFixture(AppFactory.Create(new() { Settings = Inbox.Settings }));
    }

    public SmtpInbox Inbox { get; } = new();

    public BrowserFixture Browser { get; }

    public Task InitializeAsync() => Browser.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Inbox.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailBrowserGroup : ICollectionFixture<MailBrowserFixture>
{
    public const string Name = "MailBrowser";
}

/// <summary>
/// Issue #12's path in a browser: the 企画課 works through its queue from the start page (a 差戻し without its reason
/// stops before any question), the department is told in the app and by mail, answers in the thread and resubmits
/// from its start page, and the 企画課 is told and accepts — never going back to 進捗管理.
/// </summary>
[Collection(MailBrowserGroup.Name)]
public sealed class ReturnAnswerResubmitBrowserTests(MailBrowserFixture fixture)
{
    private const string Department = "m-joho";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_office_works_through_its_queue_and_the_department_answers_and_resubmits_from_its_start_page()
    {
        var browser = fixture.Browser;
        await TestUsers.CreateAsync(browser.App, Department, AppRoles.DepartmentEditor, "情報システム課");
        await browser.OpenR6ReportEntryAsync();
        var department = await browser.NewPageAsync(Department);
        var office = await browser.NewPageAsync(BrowserFixture.Office);
        var dialogs = new List<string>();
        office.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };

        // The department starts at "/" and submits both of its reports from there.
        foreach (var (plan, text) in new[] { ("1-4", "オープンデータを20件公開しました。"), ("2-18", "標準化対象の20業務のうち12業務を移行しました。") })
        {
            await department.GotoAsync("/");
            await department.Locator($"[data-section='todo'] tr[data-plan='{plan}']").GetByRole(AriaRole.Link, new() { Name = "入力を始める" }).ClickAsync();
            await department.GetByLabel("R6年度末の取組状況報告").FillAsync(text);
            await department.GetByLabel("B", new() { Exact = true }).CheckAsync();
            await department.GetByLabel("R7年度に向けた取組方針").FillAsync("残りを進めます。");
            await department.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
            await Assertions.Expect(department.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");
        }

        // The 企画課's start page is its queue; one click opens the oldest submission.
        await office.GotoAsync("/");
        await Assertions.Expect(office.Locator("[data-section='waiting'] tbody tr")).ToHaveCountAsync(2);
        await office.ScreenshotAsync(new() { Path = Shot("start-office-queue.png"), FullPage = true });
        await office.Locator("[data-section='waiting'] tr[data-plan='1-4']").GetByRole(AriaRole.Link).ClickAsync();

        // 差し戻す without a reason: the browser points at the empty reason; no question is asked, nothing is sent.
        await office.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        Assert.Empty(dialogs);
        Assert.True(await office.Locator("#return-comment").EvaluateAsync<bool>("e => !e.validity.valid"));
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");

        // With a reason: asked once, returned, and the page offers the next report in the queue.
        await office.GetByLabel("差戻しの理由（部署に表示されます）").FillAsync("公開したデータセットの名前を書き添えてください。");
        await office.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Returned");
        Assert.Single(dialogs);
        await office.Locator("[data-queue-next='2-18']").ClickAsync();

        // 確認済 asks too; then the queue is empty.
        await office.GetByRole(AriaRole.Button, new() { Name = "確認済にする" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Accepted");
        Assert.Equal(2, dialogs.Count);
        await Assertions.Expect(office.Locator("[data-queue-empty]")).ToBeVisibleAsync();

        // The department is told: the header counts it, the start page lists it first, and the mail arrived.
        await department.GotoAsync("/");
        await Assertions.Expect(department.Locator("[data-unread-badge]")).ToBeVisibleAsync();
        var first = department.Locator("[data-section='todo'] tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-plan", "1-4");
        await Assertions.Expect(first).ToContainTextAsync("公開したデータセットの名前を書き添えてください。");
        await Assertions.Expect(department.Locator("[data-section='unread']")).ToContainTextAsync("差し戻されました");
        await department.ScreenshotAsync(new() { Path = Shot("start-department-returned.png"), FullPage = true });
        var mail = await fixture.Inbox.WaitForAsync($"{Department}@example.jp", "差し戻されました");
        Assert.Contains("公開したデータセットの名前を書き添えてください。", mail.TextBody, StringComparison.Ordinal);

        // It answers in the thread and resubmits, starting from its start page.
        await first.GetByRole(AriaRole.Link, new() { Name = "修正して再提出する" }).ClickAsync();
        await department.GetByLabel("コメント", new() { Exact = true }).FillAsync("「公共施設一覧」など20件の名前を追記しました。");
        await department.GetByRole(AriaRole.Button, new() { Name = "コメントを送る" }).ClickAsync();
        await Assertions.Expect(department.Locator("[data-thread-entry]")).ToHaveCountAsync(2);
        await department.GetByLabel("R6年度末の取組状況報告").FillAsync("オープンデータを20件（公共施設一覧、AED設置場所ほか）公開しました。");
        await department.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(department.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");
        await department.ScreenshotAsync(new() { Path = Shot("report-thread.png"), FullPage = true });

        // The 企画課 is told (answer and resubmission), and accepts from its queue.
        await office.GotoAsync("/");
        await Assertions.Expect(office.Locator("[data-unread-badge]")).ToBeVisibleAsync();
        await office.Locator("[data-section='waiting'] tr[data-plan='1-4']").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(office.Locator("[data-thread]")).ToContainTextAsync("20件の名前を追記しました");
        await office.GetByRole(AriaRole.Button, new() { Name = "確認済にする" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Accepted");
        await fixture.Inbox.WaitForAsync($"{BrowserFixture.Office}@example.jp", "コメントがありました");
        Assert.DoesNotContain(office.Url, "/progress", StringComparison.Ordinal);

        // On a phone: the start page and the notice list, for a look.
        await department.SetViewportSizeAsync(390, 844);
        await department.GotoAsync("/");
        await department.ScreenshotAsync(new() { Path = Shot("start-department-390.png"), FullPage = true });
        await department.GotoAsync("/notices");
        await Assertions.Expect(department.Locator("[data-notice='ReportAccepted']")).ToHaveCountAsync(2);
        await department.ScreenshotAsync(new() { Path = Shot("notices-390.png"), FullPage = true });
    }
}
