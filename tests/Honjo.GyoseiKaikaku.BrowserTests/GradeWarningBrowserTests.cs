using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>ADR 0028 in the browser: the year-end form warns, as the person types, about a grade the numbers contradict.</summary>
[Collection(BrowserGroup.Name)]
public sealed class GradeWarningBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_form_warns_about_an_A_short_of_the_target_and_a_C_without_an_improvement_note_before_saving()
    {
        await browser.OpenR6ReportEntryAsync();
        var page = await browser.NewPageAsync(BrowserFixture.Office);

        // 1-23's R6 target is 「年間ウェブ予約件数：12,000件」.
        await page.GotoAsync("/plans/1-23/report");
        var warning = page.Locator("[data-grade-warning]");
        await Assertions.Expect(warning).ToBeHiddenAsync();

        await page.GetByLabel("実績値（件）").FillAsync("11,500");
        await page.GetByLabel("A", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToContainTextAsync("実績値（11,500件）は目標（12,000件以上）に届いていません");
        await Assertions.Expect(page.Locator("#GradeExplanation")).ToHaveAttributeAsync("required", string.Empty);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "grade-warning.png"), FullPage = true });

        // A B agrees with the numbers: the warning goes, the explanation is optional again.
        await page.GetByLabel("B", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#GradeExplanation")).Not.ToHaveAttributeAsync("required", string.Empty);

        // A C with the target missed is consistent, but needs its 改善策.
        await page.GetByLabel("C", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("R7年度に向けた取組方針").FillAsync("周知を続けます。");
        await Assertions.Expect(warning).ToContainTextAsync("改善策");
        await page.GetByLabel("R7年度に向けた取組方針").FillAsync("改善策：予約画面を見直します。");
        await Assertions.Expect(warning).ToBeHiddenAsync();
    }
}
