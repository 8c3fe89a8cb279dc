using System.Net;
using AngleSharp.Dom;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Plans;

/// <summary>
/// A large edition: R6's plans four times per field (224 plans: 104, 72 and 48 per field), seeded through the
/// application's own seeding. R6 is published (stand-in PDF) and 市民課 keeps a draft report on 1-9 whose text only
/// 市民課 and the 企画課 may find.
/// </summary>
public sealed class PagedEditionFixture : AppFactory, IAsyncLifetime
{
    public const string DraftWord = "頁送り用の非公開下書き語";

    public PagedEditionFixture()
        : base(LargeEdition.AppOptions(4))
    {
    }

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Shimin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Shimin, AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(this, WorkflowFixture.Reader, AppRoles.Viewer);
        await this.PublishWithStandInPdfAsync(new FiscalYear(6));

        Reader = CreateClient();
        await Reader.SignInAsync(WorkflowFixture.Reader);
        Shimin = CreateClient();
        await Shimin.SignInAsync(WorkflowFixture.Shimin);
        var saved = await Shimin.PostReportAsync("1-9", await Shimin.OpenFormAsync("1-9", DraftWord, "B", "続けます。", "save"));
        saved.EnsureSuccessStatusCode();
        if ((await this.StoredReportAsync("1-9"))?.StatusReport != DraftWord)
        {
            throw new InvalidOperationException("The draft report of 1-9 was not saved.");
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class PlanPagingTests(PagedEditionFixture app) : IClassFixture<PagedEditionFixture>
{
    private static readonly string[] AllPlans =
        [.. Enumerable.Range(1, 104).Select(n => $"1-{n}"), .. Enumerable.Range(1, 72).Select(n => $"2-{n}"), .. Enumerable.Range(1, 48).Select(n => $"3-{n}")];

    [Fact]
    public async Task A_large_edition_is_listed_100_plans_a_page_in_booklet_order_with_every_plan_on_exactly_one_page()
    {
        var pages = new List<IDocument>();
        for (var n = 1; n <= 3; n++)
        {
            pages.Add(await app.Reader.GetDocumentAsync(n == 1 ? "/plans" : $"/plans?page={n}"));
        }

        Assert.Equal([100, 100, 24], pages.Select(p => p.PlanRows().Count));
        Assert.Equal(AllPlans, pages.SelectMany(p => p.PlanRows()));
        Assert.Contains("1〜100件目を表示・1/3ページ", pages[0].QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("201〜224件目を表示・3/3ページ", pages[2].QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);

        // A field that carries on from the page before says so; the 頁 column is still the printed booklet's.
        Assert.Equal(
            ["改革分野1. 行政サービス改革（続き）", "改革分野2. 業務改善・効率化改革", "改革分野3. 財政改革"],
            pages[1].QuerySelectorAll(".toc-group__title span:first-child").Select(e => e.TextContent.Trim()));
        Assert.NotEqual(pages[0].QuerySelector("tr[data-plan='1-1'] td.toc__page")!.TextContent, pages[1].QuerySelector("tr[data-plan='1-101'] td.toc__page")!.TextContent);
    }

    [Fact]
    public async Task The_pager_is_a_labelled_nav_that_marks_the_current_page_and_links_its_neighbours()
    {
        var page = await app.Reader.GetDocumentAsync("/plans?page=2");

        var nav = page.QuerySelector("nav[aria-label='計画一覧のページ送り']")!;
        Assert.NotNull(nav);
        var current = nav.QuerySelectorAll("a[aria-current='page']").Single();
        Assert.Equal("現在の2ページ", current.TextContent.Trim());
        Assert.Equal("/plans?page=2", current.GetAttribute("href"));
        Assert.Equal("/plans", nav.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/plans?page=3", nav.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(["1ページ", "現在の2ページ", "3ページ"], nav.QuerySelectorAll("a:not([rel])").Select(a => a.TextContent.Trim()));

        // The fields' first pages, so a reader can go straight to a field of a long list.
        var jumps = page.QuerySelectorAll("nav[aria-label='改革分野へ移動'] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/plans#field-1", "/plans?page=2#field-2", "/plans?page=2#field-3"], jumps);
    }

    [Fact]
    public async Task A_search_over_several_pages_keeps_its_terms_and_filters_in_every_page_link()
    {
        var first = await app.Reader.GetDocumentAsync("/plans?q=市民");
        var count = int.Parse(first.QuerySelector(".result-count strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 101, 200);

        var next = first.QuerySelector("nav[aria-label='計画一覧のページ送り'] a[rel='next']")!.GetAttribute("href")!;
        Assert.Equal("/plans?q=%E5%B8%82%E6%B0%91&page=2", next);
        var second = await app.Reader.GetDocumentAsync(next);

        var rows = first.PlanRows().Concat(second.PlanRows()).ToList();
        Assert.Equal(count, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(AllPlans.Where(rows.Contains), rows);

        var filtered = await app.Reader.GetDocumentAsync("/plans?q=市民&field=1&page=2");
        Assert.All(
            filtered.QuerySelectorAll("nav[aria-label='計画一覧のページ送り'] a"),
            a => Assert.StartsWith("/plans?q=%E5%B8%82%E6%B0%91&field=1", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/plans?page=99", 3)]
    [InlineData("/plans?page=0", 1)]
    [InlineData("/plans?page=-4", 1)]
    [InlineData("/plans?page=abc", 1)]
    public async Task A_page_out_of_range_shows_the_nearest_page_rather_than_an_error(string url, int shown)
    {
        var response = await app.Reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(shown.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("nav[aria-label='計画一覧のページ送り'] a[aria-current='page']")!.TextContent.Trim()[3..^3]);
    }

    [Fact]
    public async Task A_short_result_has_no_pager_and_an_empty_one_says_so_in_Japanese()
    {
        var short_ = await app.Reader.GetDocumentAsync("/plans?field=3");
        Assert.Equal(48, short_.PlanRows().Count);
        Assert.Null(short_.QuerySelector("nav[aria-label='計画一覧のページ送り']"));

        var none = await app.Reader.GetDocumentAsync("/plans?q=該当しない語句の組み合わせ");
        Assert.Empty(none.PlanRows());
        Assert.Null(none.QuerySelector("nav[aria-label='計画一覧のページ送り']"));
        Assert.Contains("条件に一致する計画はありません", none.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_and_search_never_reveal_a_draft_report_to_a_reader_while_its_department_finds_it()
    {
        var reader = await app.Reader.GetDocumentAsync($"/plans?q={PagedEditionFixture.DraftWord}");
        Assert.Empty(reader.PlanRows());
        Assert.Equal("0", reader.QuerySelector(".result-count strong")!.TextContent.Trim());
        Assert.Null(reader.QuerySelector("nav[aria-label='計画一覧のページ送り']"));

        var department = await app.Shimin.GetDocumentAsync($"/plans?q={PagedEditionFixture.DraftWord}");
        Assert.Equal(["1-9"], department.PlanRows());
    }
}
