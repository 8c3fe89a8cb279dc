using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>What axe cannot see: where the focus goes after a refused form, and what each field then says (ADR 0025).</summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibleFormBrowserTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_refused_report_focuses_its_error_summary_whose_links_lead_to_fields_that_name_their_own_errors()
    {
        await browser.OpenR6ReportEntryAsync();
        var page = await browser.NewPageAsync(BrowserFixture.Hoken);
        await page.GotoAsync("/plans/1-15/report");

        // Nothing wrong yet: no summary, no field marked invalid; the grade hint describes the grade group.
        Assert.Equal(0, await page.Locator("[data-error-summary]").CountAsync());
        Assert.Equal(0, await page.Locator("[aria-invalid]").CountAsync());
        var grades = page.GetByRole(AriaRole.Group, new() { Name = "年度末評価" });
        await Assertions.Expect(grades).ToHaveAccessibleDescriptionAsync("A：目標を達成　B：概ね達成　C：未達成");

        // 実績値 is the second field of the form but the last of the request: its error is still listed second.
        await page.EvaluateAsync("() => document.querySelectorAll('textarea[maxlength]').forEach(t => t.removeAttribute('maxlength'))");
        await page.GetByLabel("R6年度末の取組状況報告").FillAsync(new string('あ', 4001));
        await page.GetByLabel("実績値（件）").FillAsync("たくさん");
        await page.GetByLabel("R7年度に向けた取組方針").FillAsync(new string('い', 4001));
        await page.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).ClickAsync();

        // The summary has the focus, is named by its heading and lists the errors in the order of the form.
        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAccessibleNameAsync("入力内容を確認してください。");
        var links = summary.Locator("a");
        await Assertions.Expect(links).ToHaveCountAsync(2);
        Assert.Equal(["StatusReport", "NextYearPolicy"], await links.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.errorLink)"));
        await page.ScreenshotAsync(new() { Path = Shot("form-errors-refused.png"), FullPage = true });

        // Each invalid field says so and is described by its own message first, then by its hint.
        var report = page.GetByLabel("R6年度末の取組状況報告");
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(report).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^エラー：\s*取組状況報告は4000文字以内で入力してください。\s*目標に対する実績"));
        var policy = page.GetByLabel("R7年度に向けた取組方針");
        await Assertions.Expect(policy).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(policy).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^エラー：\s*次年度に向けた取組方針は4000文字以内で入力してください。$"));
        Assert.Null(await page.GetByLabel("実績値（件）").GetAttributeAsync("aria-invalid"));

        // A link of the summary moves the focus to its field; what was typed is still there.
        await links.Nth(1).ClickAsync();
        await Assertions.Expect(policy).ToBeFocusedAsync();
        await Assertions.Expect(policy).ToHaveValueAsync(new string('い', 4001));

        // The wrong 実績値 alone: its own message, on its field, after a second refusal.
        await page.GetByLabel("R6年度末の取組状況報告").FillAsync("電子申請の受付を60件行いました。");
        await policy.FillAsync("対象の手続を広げます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).ClickAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var actual = page.GetByLabel("実績値（件）");
        await Assertions.Expect(actual).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(actual).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^エラー：\s*実績値は0以上の数値（件）で入力してください。"));
        await Assertions.Expect(summary.Locator("a")).ToHaveAttributeAsync("href", "#ActualValue");
        Assert.Equal(0, await page.Locator("[aria-invalid='true']:not(#ActualValue)").CountAsync());

        // The success message is put into the status region after the page has loaded, so it is announced.
        await actual.FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]")).ToHaveTextAsync("下書きを保存しました。");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "下書きを保存しました。" })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("[aria-invalid]").CountAsync());
    }

    [Fact]
    public async Task A_refused_sign_in_focuses_its_summary_and_marks_both_fields()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザーID").FillAsync(BrowserFixture.Reader);
        await page.GetByLabel("パスワード").FillAsync("not-the-password-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAccessibleNameAsync("サインインできませんでした。");
        await Assertions.Expect(page.GetByLabel("ユーザーID")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("パスワード")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("パスワード")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^エラー："));
        await context.CloseAsync();
    }
}
