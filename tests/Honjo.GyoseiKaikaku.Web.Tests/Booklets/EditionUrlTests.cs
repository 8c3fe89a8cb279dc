using System.Net;
using AngleSharp.Dom;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// Two editions: 令和6年度版 published, 令和7年度版 made from it as a draft (1-13 and the four other plans ending in R6
/// completed), and a plan 1-27 added to R7 only.
/// </summary>
public sealed class TwoEditionsFixture : IAsyncLifetime
{
    public const string AddedInR7 = "1-27";

    public WorkflowFixture App { get; } = new();

    public HttpClient Office { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        Office = await App.SignedInClientAsync(WorkflowFixture.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await Office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        var preview = await Office.GetDocumentAsync("/booklets/R6/next");
        Assert.Equal(HttpStatusCode.Redirect, (await Office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var r7 = await db.Editions.SingleAsync(e => e.Year == new FiscalYear(7));
        var added = new Plan(await db.Fields.SingleAsync(f => f.Number == 1), 27, "令和7年度からの新しい計画", new FiscalYear(7), new FiscalYear(9), ReformPerspective.ActiveIct);
        added.SetExecutingDepartments([await db.Departments.SingleAsync(d => d.Name == "市民課")]);
        added.PlaceIn(r7);
        db.Plans.Add(added);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        Office?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Every page takes <c>?year=</c>. A plan asked for in an edition without it is a 404 that links to the same page in the
/// editions that have it; a <c>?year=</c> naming no edition is a 404 that links to the editions there are.
/// </summary>
public sealed class EditionUrlTests(TwoEditionsFixture editions) : IClassFixture<TwoEditionsFixture>
{
    private HttpClient Office => editions.Office;

    [Theory]
    [InlineData("/plans/1-13?year=R7", "/plans/1-13?year=R6")]
    [InlineData("/plans/1-13/report?year=R7", "/plans/1-13/report?year=R6")]
    [InlineData("/plans/1-13/history?year=R7", "/plans/1-13/history?year=R6")]
    [InlineData("/plans/1-13/history?year=R7&page=2", "/plans/1-13/history?year=R6&page=2")]
    [InlineData("/plans/1-13/edit?year=R7", "/plans/1-13/edit?year=R6")]
    public async Task A_plan_that_ended_in_R6_asked_for_in_R7_is_a_404_linking_to_R6(string url, string link)
    {
        var page = await NotFoundPageAsync(url);

        Assert.Equal("この計画は令和7年度版にはありません", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("この計画が載っている版：令和6年度版（計画公表済）", page.QuerySelector("[data-not-in-edition]")!.TextContent.Trim());
        Assert.Equal([link], Links(page));
        Assert.Equal(HttpStatusCode.OK, (await Office.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/plans/1-27?year=R6", "/plans/1-27?year=R7")]
    [InlineData("/plans/1-27/report?year=R6", "/plans/1-27/report?year=R7")]
    [InlineData("/plans/1-27/history?year=R6", "/plans/1-27/history?year=R7")]
    public async Task A_plan_added_in_R7_asked_for_in_R6_is_a_404_linking_to_R7(string url, string link)
    {
        var page = await NotFoundPageAsync(url);

        Assert.Equal("この計画は令和6年度版にはありません", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("この計画が載っている版：令和7年度版（案）", page.QuerySelector("[data-not-in-edition]")!.TextContent.Trim());
        Assert.Equal([link], Links(page));
        Assert.Equal(HttpStatusCode.OK, (await Office.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Without_a_year_the_default_edition_is_meant_and_the_page_says_so()
    {
        // R7 is a draft, so R6 (published) is the default edition.
        var page = await NotFoundPageAsync($"/plans/{TwoEditionsFixture.AddedInR7}");

        Assert.Equal("この計画は令和6年度版にはありません", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal([$"/plans/{TwoEditionsFixture.AddedInR7}?year=R7"], Links(page));
    }

    [Fact]
    public async Task A_reader_gets_the_same_links()
    {
        var reader = await editions.App.SignedInClientAsync(WorkflowFixture.Reader);

        var response = await reader.GetAsync(new Uri("/plans/1-13?year=R7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["/plans/1-13?year=R6"], Links(await response.ParseAsync()));
    }

    [Theory]
    [InlineData("/plans/9-99?year=R7")]
    [InlineData("/plans/9-99")]
    [InlineData("/plans/9-99/report?year=R6")]
    [InlineData("/plans/9-99/history?year=R8")]
    public async Task An_unknown_plan_number_stays_a_plain_404(string url)
    {
        var page = await NotFoundPageAsync(url);

        Assert.Null(page.QuerySelector("[data-not-in-edition]"));
        Assert.Contains("改革分野-番号", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/plans/1-9?year=R8", "令和8年度版はありません", "この計画が載っている版：令和6年度版（計画公表済）、令和7年度版（案）", new[] { "/plans/1-9?year=R6", "/plans/1-9?year=R7" })]
    [InlineData("/plans/1-9/report?year=R99", "令和99年度版はありません", "この計画が載っている版：令和6年度版（計画公表済）、令和7年度版（案）", new[] { "/plans/1-9/report?year=R6", "/plans/1-9/report?year=R7" })]
    [InlineData("/plans/1-13/history?year=R8", "令和8年度版はありません", "この計画が載っている版：令和6年度版（計画公表済）", new[] { "/plans/1-13/history?year=R6" })]
    [InlineData("/plans?year=R8", "令和8年度版はありません", "次の版があります：令和6年度版（計画公表済）、令和7年度版（案）", new[] { "/plans?year=R6", "/plans?year=R7" })]
    [InlineData("/plans?field=2&year=abc", "「abc」という版はありません", "次の版があります：令和6年度版（計画公表済）、令和7年度版（案）", new[] { "/plans?field=2&year=R6", "/plans?field=2&year=R7" })]
    [InlineData("/departments?year=R5", "令和5年度版はありません", "次の版があります：令和6年度版（計画公表済）、令和7年度版（案）", new[] { "/departments?year=R6", "/departments?year=R7" })]
    public async Task An_unknown_year_is_a_404_linking_to_the_editions_there_are(string url, string heading, string text, string[] links)
    {
        var page = await NotFoundPageAsync(url);

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(text, page.QuerySelector("[data-not-in-edition]")!.TextContent.Trim());
        Assert.Equal(links, Links(page));
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await Office.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_404_for_another_reason_in_an_edition_that_has_the_plan_is_plain()
    {
        // The edition exists; what is missing is something else.
        var page = await NotFoundPageAsync("/departments/99999?year=R7");

        Assert.Null(page.QuerySelector("[data-not-in-edition]"));
        Assert.Contains("ページが見つかりません", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edition_selector_lists_every_edition_with_its_state_and_keeps_the_other_parameters()
    {
        var page = await Office.GetDocumentAsync("/plans?year=R7&field=2");
        var select = page.QuerySelector("form.edition-switch select[name='year']")!;

        Assert.Equal(
            ["R7:令和7年度版（案）", "R6:令和6年度版（計画公表済）"],
            select.QuerySelectorAll("option").Select(o => $"{o.GetAttribute("value")}:{o.TextContent.Trim()}"));
        Assert.Equal("R7", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("form.edition-switch input[type='hidden'][name='field']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("form.edition-switch input[type='hidden'][name='year']"));
    }

    [Theory]
    [InlineData("/plans/1-9?year=R7")]
    [InlineData("/plans/1-9/report?year=R7")]
    [InlineData("/plans/1-9/history?year=R7")]
    [InlineData("/plans/1-9/edit?year=R7")]
    public async Task The_plan_tabs_stay_in_the_edition(string url)
    {
        var page = await Office.GetDocumentAsync(url);

        Assert.Equal(
            // 5年間の推移 is the plan across every edition, so it names none.
            ["/plans/1-9?year=R7", "/plans/1-9/report?year=R7", "/plans/1-9/history?year=R7", "/plans/1-9/period", "/plans/1-9/council?year=R7", "/plans/1-9/edit?year=R7"],
            page.QuerySelectorAll("ul.tabs a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("R7", page.QuerySelector("#edition-year option[selected]")!.GetAttribute("value"));
    }

    private async Task<IDocument> NotFoundPageAsync(string url)
    {
        var response = await Office.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return await response.ParseAsync();
    }

    private static List<string> Links(IDocument page) =>
        page.QuerySelectorAll("[data-not-in-edition] a").Select(a => a.GetAttribute("href")!).ToList();
}
