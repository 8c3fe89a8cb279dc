using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Plans;

[Collection(SharedReaderApp.Name)]
public sealed class PlanIndexTests(ReaderApp factory)
{
    private readonly HttpClient _client = factory.Client;

    [Fact]
    public async Task The_index_lists_all_56_plans_in_the_booklets_order_grouped_by_field()
    {
        var page = await _client.GetDocumentAsync("/plans");

        Assert.Equal(RepoPaths.PlanIdsInBookletOrder(), page.PlanRows());
        Assert.Equal(
            ["改革分野1. 行政サービス改革", "改革分野2. 業務改善・効率化改革", "改革分野3. 財政改革"],
            page.QuerySelectorAll(".toc-group__title span:first-child").Select(e => e.TextContent.Trim()));
        Assert.Equal(["4", "30", "48"], page.QuerySelectorAll(".toc-group__page").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task An_index_row_shows_number_name_department_years_and_page()
    {
        var page = await _client.GetDocumentAsync("/plans");

        var row = page.QuerySelector("tr[data-plan='2-18']")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

        // 終了 is blank while the plan runs, as in the source booklet: R7 is its 達成目標年度, not an end.
        Assert.Equal(["18", "ペーパーレス「一歩先へ！！」", "企画課、情報システム課", "R6", "", "47", "－"], cells);
        Assert.Equal("/plans/2-18", row.QuerySelector("td.toc__name a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_row_shows_the_page_of_the_source_booklet_and_a_blank_end_while_the_plan_runs()
    {
        var seed = RepoPaths.ReadSeed();

        var page = await _client.GetDocumentAsync("/plans");

        foreach (var plan in seed.Plans)
        {
            var cells = page.QuerySelector($"tr[data-plan='{plan.Id}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(plan.TocEnd ?? string.Empty, cells[4]);
            Assert.Equal(plan.TocPage.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[5]);
        }
    }

    [Fact]
    public async Task A_filtered_index_keeps_the_pages_of_the_whole_booklet()
    {
        var page = await _client.GetDocumentAsync("/plans?field=3&grade=C");

        Assert.Equal(["48"], page.QuerySelectorAll(".toc-group__page").Select(e => e.TextContent.Trim()));
        Assert.Equal(["50", "51", "52"], page.QuerySelectorAll("td.toc__page").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task The_root_leads_a_reader_to_the_summary_their_start_page()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync("t-reader");

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/summary", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Filtering_by_field_keeps_only_that_fields_plans()
    {
        var page = await _client.GetDocumentAsync("/plans?field=2");

        Assert.Equal(18, page.PlanRows().Count);
        Assert.All(page.PlanRows(), id => Assert.StartsWith("2-", id, StringComparison.Ordinal));
        Assert.Contains("全56件中 18件", page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_department_matches_executing_and_optionally_cooperating_departments()
    {
        var index = await _client.GetDocumentAsync("/plans");
        var shimin = index.QuerySelectorAll("#department option").Single(o => o.TextContent == "市民課").GetAttribute("value");

        var executing = await _client.GetDocumentAsync($"/plans?department={shimin}");
        var withCooperating = await _client.GetDocumentAsync($"/plans?department={shimin}&cooperating=true");

        Assert.Equal(["1-9", "1-10"], executing.PlanRows());
        Assert.Equal(["1-4", "1-9", "1-10", "1-13"], withCooperating.PlanRows());
    }

    [Fact]
    public async Task Filtering_by_perspective_counts_the_spaced_ICT_as_ICT()
    {
        var page = await _client.GetDocumentAsync("/plans?perspective=ActiveIct");

        Assert.Equal(20, page.PlanRows().Count);
        Assert.Contains("1-7", page.PlanRows());
    }

    [Theory]
    [InlineData("A", 14)]
    [InlineData("B", 26)]
    [InlineData("C", 10)]
    [InlineData("none", 6)]
    public async Task Filtering_by_the_R5_grade(string grade, int expected)
    {
        var page = await _client.GetDocumentAsync($"/plans?grade={grade}");

        Assert.Equal(expected, page.PlanRows().Count);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var page = await _client.GetDocumentAsync("/plans?field=3&grade=C");

        Assert.Equal(["3-3", "3-4", "3-5"], page.PlanRows());
    }

    [Fact]
    public async Task Search_finds_text_that_is_only_in_a_sheets_remarks_and_marks_it()
    {
        var page = await _client.GetDocumentAsync("/plans?q=" + Uri.EscapeDataString("上方修正"));

        Assert.Equal(["1-9"], page.PlanRows());
        Assert.Equal("上方修正", page.QuerySelector("tr[data-plan='1-9'] mark")!.TextContent);
    }

    [Fact]
    public async Task Search_covers_targets_cooperators_and_all_terms_must_match()
    {
        var target = await _client.GetDocumentAsync("/plans?q=" + Uri.EscapeDataString("16,800件"));
        var cooperator = await _client.GetDocumentAsync("/plans?q=" + Uri.EscapeDataString("文化財保護課"));
        var both = await _client.GetDocumentAsync("/plans?q=" + Uri.EscapeDataString("電子申請　高齢者"));

        Assert.Equal(["1-9"], target.PlanRows());
        Assert.Equal(["2-11"], cooperator.PlanRows());
        Assert.Contains("1-26", both.PlanRows());
        Assert.DoesNotContain("1-24", both.PlanRows());
    }

    [Fact]
    public async Task A_search_without_hits_says_so_and_offers_the_way_back()
    {
        var page = await _client.GetDocumentAsync("/plans?q=" + Uri.EscapeDataString("存在しない語句"));

        Assert.Empty(page.PlanRows());
        Assert.Contains("条件に一致する計画はありません", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/plans?field=abc")]
    [InlineData("/plans?perspective=Nonsense")]
    [InlineData("/plans?grade=%3Cscript%3E")]
    [InlineData("/plans?department=999999")]
    public async Task Malformed_filters_do_not_break_the_page(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edition_that_does_not_exist_is_a_404_in_Japanese()
    {
        var response = await _client.GetAsync(new Uri("/plans?year=R3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
