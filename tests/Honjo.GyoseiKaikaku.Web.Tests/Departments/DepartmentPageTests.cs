using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Departments;

[Collection(SharedReaderApp.Name)]
public sealed class DepartmentPageTests(ReaderApp factory)
{
    private readonly HttpClient _client = factory.Client;

    private async Task<string> DepartmentUrlAsync(string name)
    {
        var list = await _client.GetDocumentAsync("/departments");
        return list.QuerySelectorAll("table a").Single(a => a.TextContent == name).GetAttribute("href")!;
    }

    [Fact]
    public async Task A_department_page_lists_its_plans_as_executing_and_as_cooperating_department()
    {
        var page = await _client.GetDocumentAsync(await DepartmentUrlAsync("情報システム課"));

        var executing = page.QuerySelectorAll("[data-section='executing'] tr[data-plan]").Select(r => r.GetAttribute("data-plan")).ToList();
        var cooperating = page.QuerySelectorAll("[data-section='cooperating'] tr[data-plan]").Select(r => r.GetAttribute("data-plan")).ToList();

        Assert.Equal(["1-4", "2-18"], executing);
        Assert.Equal(["1-15", "1-16", "1-17", "1-18", "1-21", "1-24", "1-26", "2-16"], cooperating);
    }

    [Fact]
    public async Task Plan_2_18_is_on_the_pages_of_both_its_executing_departments()
    {
        var kikaku = await _client.GetDocumentAsync(await DepartmentUrlAsync("企画課"));

        Assert.Contains("2-18", kikaku.QuerySelectorAll("[data-section='executing'] tr[data-plan]").Select(r => r.GetAttribute("data-plan")));
    }

    [Fact]
    public async Task The_end_column_is_blank_while_a_plan_runs_not_its_target_year()
    {
        // 2-12 (農業委員会事務局) has R6 as its 達成目標年度; it has not ended.
        var page = await _client.GetDocumentAsync(await DepartmentUrlAsync("農業委員会事務局"));

        var cells = page.QuerySelector("[data-section='executing'] tr[data-plan='2-12']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2-12", "農地パトロールにタブレット端末を活用", "農業委員会事務局", "R5", "", "B"], cells);
    }

    [Fact]
    public async Task The_department_list_counts_plans_per_role()
    {
        var list = await _client.GetDocumentAsync("/departments");

        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == "水道課");
        Assert.Equal(["3", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task An_unknown_department_is_a_404()
    {
        var response = await _client.GetAsync(new Uri("/departments/99999", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
