using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class SummaryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_viewer_sees_the_charts_and_follows_a_count_to_its_plans()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/summary?year=R5");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-field'))");

        var size = await page.Locator("#chart-field").EvaluateAsync<int[]>("c => [c.width, c.height]");
        Assert.True(size[0] > 0 && size[1] > 0, $"canvas is {size[0]}x{size[1]}");
        var drawn = await page.Locator("#chart-field").EvaluateAsync<bool>(
            "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)");
        Assert.True(drawn, "the field chart drew nothing");
        Assert.Equal("true", await page.Locator("#chart-overall").GetAttributeAsync("aria-hidden"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "summary-r5.png"), FullPage = true });
        Assert.Empty(errors);

        var link = page.Locator("#table-field tr[data-row='field=2'] [data-count='B']");
        var expected = int.Parse((await link.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/plans\?gradeYear=R5&field=2&grade=B"));

        Assert.Equal(expected, await page.Locator("table.toc tbody tr").CountAsync());
        Assert.True(expected > 0);
    }
}
