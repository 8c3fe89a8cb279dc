using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>
/// A 審議会委員's path in the browser (ADR 0029): sign in, open a published plan's sheet, go to its 「審議会の意見」 tab,
/// try to save an empty opinion (the error summary takes the focus), write one, submit it after the confirmation,
/// and find it listed as submitted on the plan's tab and on the 審議会 page — also on a phone.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class CouncilBrowserTests(BrowserFixture browser)
{
    private const string Member = "b-iin";
    private const string Opinion = "窓口の待ち時間を、曜日別に公表してください。";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_member_writes_and_submits_an_opinion_on_a_published_plan_and_sees_it_listed()
    {
        await TestUsers.CreateAsync(browser.App, Member, AppRoles.CouncilMember);
        await browser.OpenR6ReportEntryAsync();
        var page = await browser.NewPageAsync(Member);
        var questions = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };

        await page.GotoAsync("/plans/1-9");
        await page.GetByRole(AriaRole.Link, new() { Name = "審議会の意見" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("1-9");
        await Assertions.Expect(page.Locator("[data-opinion-list], .empty-state").First).ToBeVisibleAsync();

        // Nothing typed: refused in Japanese, the summary has the focus and its link leads to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).ClickAsync();
        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("意見を入力してください。");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("意見", new() { Exact = true })).ToBeFocusedAsync();

        // Typed by keyboard, submitted after the question.
        await page.Keyboard.TypeAsync(Opinion);
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-opinion-text]")).ToHaveTextAsync(Opinion);
        await Assertions.Expect(page.Locator("[data-council-status]").First).ToHaveAttributeAsync("data-council-status", "Submitted");
        Assert.Contains(questions, q => q.Contains("提出後は変更できません", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("意見を提出しました");
        await page.ScreenshotAsync(new() { Path = Shot("council-member-submitted.png"), FullPage = true });

        // Listed on the plan's tab and on the 審議会 page, with no form to change it.
        await page.GotoAsync("/plans/1-9/council");
        var row = page.Locator("tr[data-opinion]").Filter(new() { HasText = Opinion });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-council-status]")).ToHaveAttributeAsync("data-council-status", "Submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = "審議会", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-opinion]").Filter(new() { HasText = Opinion })).ToHaveCountAsync(1);

        // On a phone the list is cards, each cell named, with no sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the council page scrolls sideways at 390px");
        await Assertions.Expect(page.Locator("tr[data-opinion] td[data-label='状態']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("council-member-phone.png"), FullPage = true });
    }
}
