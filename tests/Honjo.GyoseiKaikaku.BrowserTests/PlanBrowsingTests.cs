using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class PlanBrowsingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_opens_the_index_searches_and_opens_a_sheet()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/plans");
        Assert.Equal(56, await page.Locator("table.toc tbody tr").CountAsync());

        await page.GetByLabel("キーワード").FillAsync("コンビニ");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/plans\?q="));

        var rows = page.Locator("table.toc tbody tr");
        Assert.Equal(["1-9"], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.plan)"));
        Assert.Contains("全56件中 1件", await page.Locator(".result-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "index-search.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "コンビニ交付の普及推進" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plans/1-9$"));

        Assert.Equal("コンビニ交付の普及推進", (await page.Locator("[data-sheet-name]").InnerTextAsync()).Trim());
        Assert.Contains("証明書のコンビニ交付件数：4,300件", await page.Locator("[data-cell='target-R5']").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "sheet-1-9.png"), FullPage = true });
    }

    [Fact]
    public async Task The_filters_can_be_used_from_the_keyboard()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/plans");

        await page.GetByLabel("改革分野", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.GetByLabel("改革分野", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("R5評価").SelectOptionAsync("C");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("field=3"));

        var ids = await page.Locator("table.toc tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.plan)");
        Assert.Equal(["3-3", "3-4", "3-5"], ids);
    }

    [Fact]
    public async Task A_long_sheet_prints_on_one_A4_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/plans/2-10");
        await page.Locator(".sheet[data-print-zoom]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task A_sheet_longer_than_a_page_is_shrunk_to_one_page_with_all_its_text()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/plans/2-10");
        await page.Locator(".sheet[data-print-zoom]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // A year-end report as long as a department might write: forty paragraphs.
        await page.EvaluateAsync(@"() => {
            const cell = document.querySelector(""[data-cell='status-report']"");
            cell.textContent = Array.from({ length: 40 }, (_, i) => `第${i + 1}段落：取組状況の報告です。`).join('\n');
            window.dispatchEvent(new Event('beforeprint'));
        }");
        var zoom = double.Parse(await page.Locator(".sheet").GetAttributeAsync("data-print-zoom") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        var text = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.InRange(zoom, 0.3, 0.99);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]"));
    }
}
