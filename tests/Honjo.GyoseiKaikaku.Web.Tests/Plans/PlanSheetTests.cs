using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Plans;

[Collection(SharedReaderApp.Name)]
public sealed class PlanSheetTests(ReaderApp factory)
{
    private readonly HttpClient _client = factory.Client;

    [Fact]
    public async Task Every_sheet_page_shows_every_text_of_its_source_sheet_item_by_item()
    {
        var seed = RepoPaths.ReadSeed();

        foreach (var plan in seed.Plans)
        {
            var page = await _client.GetDocumentAsync($"/plans/{plan.Id}");
            var field = seed.Fields.Single(f => plan.Id.StartsWith($"{f.Number}-", StringComparison.Ordinal));

            Assert.Equal(plan.Name, page.QuerySelector("[data-sheet-name]")!.TextContent.Trim());
            Assert.Contains(field.Name, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(string.Join("、", plan.ExecutingDepartments), Squash(page.Cell("executing")));
            Assert.Equal(string.Join("、", plan.Cooperating.Entries) + (plan.Cooperating.OpenEnded ? "など" : ""), Squash(page.Cell("cooperating")));
            Assert.Equal(plan.StartYear, page.Cell("start"));
            Assert.Equal(plan.TargetYear, page.Cell("target"));
            Assert.Equal(plan.Perspective, page.Cell("perspective"));
            Assert.Equal(string.Join("、", plan.PolicyItems), page.Cell("policy"));
            Assert.Equal(plan.CurrentSituation, page.CellItems("situation"));
            Assert.Equal(plan.Actions, page.CellItems("actions"));
            Assert.Equal(plan.Effects, page.CellItems("effects"));
            Assert.Equal(plan.Remarks, page.CellItems("remarks"));
            foreach (var (year, lines) in plan.Targets)
            {
                Assert.Equal(lines, page.CellItems($"target-{year}"));
            }

            var earlier = page.QuerySelector("[data-cell='earlier-grades']")?.TextContent ?? string.Empty;
            if (plan.Grades.TryGetValue("R5", out var grade))
            {
                Assert.Contains($"R5年度 {grade}", Squash(earlier).Replace("R5年度", "R5年度 ", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(string.Empty, earlier);
            }
        }
    }

    [Fact]
    public async Task The_sheet_has_the_printed_rows_in_the_printed_order()
    {
        var page = await _client.GetDocumentAsync("/plans/1-9");

        var labels = page.QuerySelectorAll(".sheet__table th[scope='row']").Select(th => Squash(th.TextContent)).ToList();

        Assert.Equal(
            [
                "改革分野", "計画名", "実行課", "連携課", "開始年度", "達成目標年度", "SDGs関連No.", "改革の視点",
                "本庄市総合振興計画（後期基本計画施策中項目）", "現状と課題", "取組内容", "取組の効果", "各年度達成目標",
                "R6年度末の取組状況報告", "年度末評価", "R7年度に向けた取組方針", "備考",
            ],
            labels);
        Assert.Equal(["R5", "R6", "R7", "R8", "R9"], page.QuerySelectorAll(".row--years th[scope='col']").Select(th => th.TextContent.Trim()));
        // The years head the targets' own table, so they are never offered as headers of the rows above or below.
        var targets = page.QuerySelector(".sheet__table--targets")!;
        Assert.Equal(5, targets.QuerySelectorAll("thead th[scope='col']").Length);
        Assert.Equal("年度", targets.QuerySelector("thead td.sheet__corner")!.TextContent.Trim());
        Assert.Equal(["各年度達成目標"], targets.QuerySelectorAll("tbody th[scope='row']").Select(th => th.TextContent.Trim()));
        Assert.Equal(3, page.QuerySelectorAll(".sheet .sheet__table").Length);

        // On screen the plan's name is the page's one h1.
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("コンビニ交付の普及推進", h1.TextContent.Trim());
        Assert.Contains("スマート自治体への転換と持続可能な行政経営への挑戦", page.QuerySelector(".sheet__theme")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12頁", page.QuerySelector(".sheet__number")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_R6_grade_is_blank_and_the_R5_grade_is_shown_as_an_earlier_result()
    {
        var page = await _client.GetDocumentAsync("/plans/1-9");

        Assert.Null(page.QuerySelector("[data-cell='grade'] > .grade"));
        Assert.Contains("R5年度", page.Cell("earlier-grades"), StringComparison.Ordinal);
        Assert.Equal("A", page.QuerySelector("[data-cell='earlier-grades'] .grade")!.TextContent);
    }

    [Fact]
    public async Task A_sheet_links_to_its_neighbours_in_booklet_order()
    {
        var first = await _client.GetDocumentAsync("/plans/1-26");

        Assert.Equal("/plans/1-25", first.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/plans/2-1", first.QuerySelector("a[rel='next']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/plans/9-99")]
    [InlineData("/plans/1-27")]
    [InlineData("/plans/abc")]
    public async Task A_plan_that_does_not_exist_is_a_404_with_a_Japanese_page(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("改革分野-番号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        var response = await _client.GetAsync(new Uri("/plans/1-1", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

[Collection(SharedReaderApp.Name)]
public sealed class StaticAssetTests(ReaderApp factory)
{
    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/css/sheet.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    public async Task The_pages_own_styles_and_scripts_are_served(string path, string contentType)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }
}
