namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>Every main page on a 390px and a 320px phone: nothing scrolls sideways, short labels stay whole and the
/// sheet's text is at least 14px (ADR 0025).</summary>
[Collection(BrowserGroup.Name)]
public sealed class PhoneLayoutBrowserTests(BrowserFixture browser)
{
    private static readonly string[] OfficePages =
        ["/plans", "/plans/1-9", "/plans/1-9/history", "/plans/1-9/edit", "/progress", "/summary", "/booklets", "/departments", "/admin/users", "/admin/audit"];

    private static readonly string[] DepartmentPages = ["/my/plans", "/plans/1-10/report"];

    [Theory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task The_main_pages_fit_a_phone_without_sideways_scrolling(int width)
    {
        await browser.OpenR6ReportEntryAsync();
        foreach (var (user, urls) in new[] { (BrowserFixture.Office, OfficePages), (BrowserFixture.Shimin, DepartmentPages) })
        {
            var page = await browser.NewPageAsync(user);
            await page.SetViewportSizeAsync(width, 800);
            foreach (var url in urls)
            {
                await page.GotoAsync(url);
                var sizes = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
                var (scroll, inner) = (sizes[0], sizes[1]);
                Assert.True(scroll <= inner, $"{url} at {width}px scrolls sideways: {scroll} > {inner}");

                // Navigation and buttons keep their words on one line (目次, サインアウト, 修正して再提出する).
                var broken = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('.app-nav a, .user-menu button, main .button, main button')].filter(e => e.offsetParent !== null && e.getClientRects().length > 1).map(e => e.textContent.trim())");
                Assert.True(broken.Length == 0, $"{url} at {width}px breaks inside: {string.Join("、", broken)}");
            }

            await page.GotoAsync(user == BrowserFixture.Office ? "/plans" : "/my/plans");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"phone-{width}-{(user == BrowserFixture.Office ? "plans" : "my-plans")}.png") });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_sheet_on_a_phone_has_no_text_under_14px_and_keeps_its_numbers_whole()
    {
        var page = await browser.NewPageAsync(BrowserFixture.Reader);
        await page.SetViewportSizeAsync(390, 800);
        await page.GotoAsync("/plans/1-9");

        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.sheet *')].filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallest >= 14, $"smallest text on the sheet: {smallest}px");
        // 16,800件 is one line: its text box is not split.
        var lines = await page.EvaluateAsync<int>(
            "() => { const cell = document.querySelector(\"[data-cell='target-R6']\"); const r = document.createRange(); const node = [...cell.querySelectorAll('li')].find(li => li.textContent.includes('16,800')).firstChild; const i = node.textContent.indexOf('16,800'); r.setStart(node, i); r.setEnd(node, i + 7); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
        Assert.Equal(1, lines);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-390-sheet.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
