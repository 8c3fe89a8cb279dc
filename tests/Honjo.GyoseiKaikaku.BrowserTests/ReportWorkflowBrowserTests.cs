using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class ReportWorkflowBrowserTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Department_submits_office_returns_department_resubmits_office_accepts_and_it_is_locked()
    {
        await browser.OpenR6ReportEntryAsync();
        var department = await browser.NewPageAsync(BrowserFixture.Shimin);
        var office = await browser.NewPageAsync(BrowserFixture.Office);
        department.Dialog += (_, dialog) => dialog.AcceptAsync();
        office.Dialog += (_, dialog) => dialog.AcceptAsync();

        // The department finds its plan on "my plans" and fills the three fields.
        await department.GotoAsync("/my/plans");
        await department.Locator("tr[data-plan='1-9']").GetByRole(AriaRole.Link, new() { Name = "入力を始める" }).ClickAsync();
        await department.GetByLabel("R6年度末の取組状況報告").FillAsync("コンビニ交付件数は17,000件でした。");
        await department.GetByLabel("A", new() { Exact = true }).CheckAsync();
        await department.GetByLabel("R7年度に向けた取組方針").FillAsync("引き続き周知します。");
        await department.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(department.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");
        await department.ScreenshotAsync(new() { Path = Shot("report-submitted.png"), FullPage = true });

        // The planning office returns it with a comment.
        await office.GotoAsync("/progress?status=Submitted");
        await office.Locator("tr[data-plan='1-9']").GetByRole(AriaRole.Link, new() { Name = "確認する" }).ClickAsync();
        await office.GetByLabel("差戻しの理由（部署に表示されます）").FillAsync("目標16,800件との比較を追記してください。");
        await office.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Returned");

        // The department sees the comment, fixes the report and resubmits.
        await department.GotoAsync("/plans/1-9/report");
        await Assertions.Expect(department.Locator("[data-review-comment]")).ToContainTextAsync("目標16,800件との比較を追記してください。");
        await department.ScreenshotAsync(new() { Path = Shot("report-returned.png"), FullPage = true });
        await department.GetByLabel("R6年度末の取組状況報告").FillAsync("コンビニ交付件数は17,000件で、目標16,800件を上回りました。");
        await department.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(department.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");

        // The planning office accepts it.
        await office.GotoAsync("/plans/1-9/report");
        await office.GetByRole(AriaRole.Button, new() { Name = "確認済にする" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Accepted");

        // The department can no longer edit it.
        await department.GotoAsync("/plans/1-9/report");
        await Assertions.Expect(department.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Accepted");
        Assert.Equal(0, await department.Locator("textarea[name='StatusReport']").CountAsync());
        Assert.Equal(0, await department.GetByRole(AriaRole.Button, new() { Name = "提出する" }).CountAsync());
        await Assertions.Expect(department.Locator("[data-field='status-report']")).ToHaveTextAsync("コンビニ交付件数は17,000件で、目標16,800件を上回りました。");
        await department.ScreenshotAsync(new() { Path = Shot("report-accepted.png"), FullPage = true });
    }

    [Fact]
    public async Task A_refused_submit_then_a_correct_one_goes_through_and_a_second_tab_never_shows_its_unsaved_text_as_the_report()
    {
        await browser.OpenR6ReportEntryAsync();
        var tab1 = await browser.NewPageAsync(BrowserFixture.Shimin);
        var tab2 = await tab1.Context.NewPageAsync();
        await tab1.GotoAsync("/plans/1-10/report");
        await tab2.GotoAsync("/plans/1-10/report");

        // Submitting with two fields empty is refused; the page still says what is stored: nothing yet.
        await tab1.GetByLabel("R6年度末の取組状況報告").FillAsync("窓口の待ち時間を15分短縮しました。");
        await tab1.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(tab1.Locator(".form-errors")).ToContainTextAsync("提出するには年度末評価・次年度に向けた取組方針を入力してください。");
        await Assertions.Expect(tab1.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "NotStarted");
        await Assertions.Expect(tab1.GetByLabel("R6年度末の取組状況報告")).ToHaveValueAsync("窓口の待ち時間を15分短縮しました。");

        // Completing the same page and submitting again works the first time: no false "someone else saved" page.
        await tab1.GetByLabel("B", new() { Exact = true }).CheckAsync();
        await tab1.GetByLabel("R7年度に向けた取組方針").FillAsync("予約制を広げます。");
        await tab1.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(tab1.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");

        // The second tab, opened before, saves a draft: refused, the report shown is the submitted one, and the
        // text typed there is offered apart, as the person's own unsaved input.
        await tab2.GetByLabel("R6年度末の取組状況報告").FillAsync("別のタブで書いていた文章");
        await tab2.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).ClickAsync();
        await Assertions.Expect(tab2.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(tab2.Locator("[data-conflict]")).ToContainTextAsync("あなたが別の画面で先に保存した内容");
        await Assertions.Expect(tab2.Locator("[data-stored] [data-field='status-report']")).ToHaveTextAsync("窓口の待ち時間を15分短縮しました。");
        await Assertions.Expect(tab2.Locator("#unsaved-status-report")).ToHaveValueAsync("別のタブで書いていた文章");
        Assert.Equal(0, await tab2.Locator("form.report-form").CountAsync());
        await tab2.ScreenshotAsync(new() { Path = Shot("report-second-tab.png"), FullPage = true });
    }
}
