using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class ReportWorkflowBrowserTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Department_submits_office_returns_department_resubmits_office_accepts_and_it_is_locked()
    {
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
}
