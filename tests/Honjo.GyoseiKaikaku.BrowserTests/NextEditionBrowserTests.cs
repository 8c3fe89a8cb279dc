using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>
/// Its own application and database: publishing R6 and making R7 would change what the other browser tests read (the
/// default edition's links gain <c>?year=</c>, the header a selector). Run alone, after them, to keep the two cores free.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CycleBrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: five-year cycle";
}

[Collection(CycleBrowserGroup.Name)]
public sealed class NextEditionBrowserTests(BrowserFixture browser)
{
    private const string Reason = "システム更新が令和8年度に延びたため";
    private static readonly string[] EndingInR6 = ["1-13", "2-8", "2-12", "2-13", "3-8"];

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_planning_office_publishes_R6_makes_R7_extending_one_plan_and_switches_between_the_editions()
    {
        var page = await browser.NewPageAsync(BrowserFixture.Office);
        var confirms = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            confirms.Add(dialog.Message);
            dialog.AcceptAsync();
        };
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        // 冊子 → 計画を公表する (confirmed); publishing renders the PDF and Excel booklets, which takes a few seconds.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メイン" }).GetByRole(AriaRole.Link, new() { Name = "冊子" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/booklets$"));
        await page.Locator("tr[data-edition='R6']").GetByRole(AriaRole.Button, new() { Name = "計画を公表する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("令和6年度版を公表しました", new() { Timeout = 120_000 });
        Assert.Contains("令和6年度版の計画を公表します", Assert.Single(confirms), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("tr[data-edition='R6']")).ToHaveAttributeAsync("data-edition-status", "Published");

        // 令和7年度版を作る: the preview lists the five plans ending in R6 and warns of the open R6 reports.
        await page.GetByRole(AriaRole.Link, new() { Name = "令和7年度版を作る" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/booklets/R6/next$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("令和6年度版から令和7年度版（案）を作る");
        var ending = page.GetByRole(AriaRole.Table, new() { Name = "達成目標年度がR6までの計画（5件）" });
        Assert.Equal(EndingInR6, await ending.Locator("tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.plan)"));
        await Assertions.Expect(page.Locator("[data-unaccepted]")).ToContainTextAsync("令和6年度の報告で、まだ確認済でないもの");
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-preview.png"), FullPage = true });

        // Every control of every row has its own name, so a screen reader says which plan it is about.
        foreach (var id in EndingInR6)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = $"{id}の扱い" });
            await Assertions.Expect(group.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByLabel($"{id}の延長後の達成目標年度")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByLabel($"{id}の理由")).ToHaveCountAsync(1);
        }

        // On a phone the table stacks: nothing is wider than the screen, and every field keeps its label.
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-preview-390.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-preview-390-top.png") });
        await ending.Locator("tr[data-plan='1-13']").ScreenshotAsync(new() { Path = Shot("next-edition-preview-390-row.png") });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The preview is wider than a 390px screen.");
        foreach (var summary in await page.Locator("details > summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The opened lists are wider than a 390px screen.");
        await page.SetViewportSizeAsync(1280, 900);

        // Keep 1-13 by keyboard: 完了 → arrow → 延長する, then R8 and the reason by their labels.
        var row = ending.Locator("tr[data-plan='1-13']");
        var decision = row.GetByRole(AriaRole.Group, new() { Name = "1-13の扱い" });
        await decision.GetByRole(AriaRole.Radio, new() { Name = "完了" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(decision.GetByRole(AriaRole.Radio, new() { Name = "延長する" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("1-13の延長後の達成目標年度")).ToBeFocusedAsync();
        await page.GetByLabel("1-13の延長後の達成目標年度").SelectOptionAsync(new SelectOptionValue { Label = "R8" });
        await page.GetByLabel("1-13の理由").FillAsync(Reason);
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-extend.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "令和7年度版（案）を作成する" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans\?year=R7$"), new() { Timeout = 60_000 });
        Assert.Contains("令和7年度版（案）を作成します", confirms[^1], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("令和7年度版（案）を作成しました");
        Assert.Equal(56 - EndingInR6.Length + 1, await page.Locator("table.toc tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-created.png"), FullPage = true });

        // The header's selector lists both editions with their state and switches between them.
        var selector = page.GetByLabel("版", new() { Exact = true });
        Assert.Equal(["令和7年度版（案）", "令和6年度版（計画公表済）"], await selector.Locator("option").AllInnerTextsAsync());
        // The selector submits from a script attached at load: wait for it, or the change may come first.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await selector.SelectOptionAsync("R6");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans\?year=R6$"));
        Assert.Equal(56, await page.Locator("table.toc tbody tr").CountAsync());
        // The selector submits from a script attached at load: wait for it, or the change may come first.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("版", new() { Exact = true }).SelectOptionAsync("R7");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans\?year=R7$"));

        // The extended plan's R7 sheet: 達成目標年度 R8, and the 期間変更 note last in 備考.
        await page.Locator("table.toc tbody tr[data-plan='1-13']").GetByRole(AriaRole.Link, new() { Name = "窓口発券機の設置" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans/1-13\?year=R7$"));
        await Assertions.Expect(page.Locator("[data-cell='target']")).ToHaveTextAsync("R8");
        await Assertions.Expect(page.Locator("[data-cell='remarks'] li").Nth(-2)).ToHaveTextAsync("<令和7年度計画変更>");
        await Assertions.Expect(page.Locator("[data-cell='remarks'] li").Last).ToHaveTextAsync(Reason);
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-sheet-1-13-R7.png"), FullPage = true });

        // The same sheet in R6 reads as published; a plan that ended in R6 is not in R7 and the page says where it is.
        // The selector submits from a script attached at load: wait for it, or the change may come first.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("版", new() { Exact = true }).SelectOptionAsync("R6");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans/1-13\?year=R6$"));
        await Assertions.Expect(page.Locator("[data-cell='target']")).ToHaveTextAsync("R6");
        await page.GotoAsync("/plans/2-8?year=R7");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("この計画は令和7年度版にはありません");
        await page.ScreenshotAsync(new() { Path = Shot("next-edition-not-in-R7.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "令和6年度版" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/plans/2-8\?year=R6$"));

        // Nothing the pages did was refused by the content security policy (no inline style or script).
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
