using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Council;

/// <summary>
/// A 審議会委員 before any edition is published (the seed's R6 is still a draft): the pages in the member's navigation
/// answer with what there is to read, never a 404 for a page the menu offers (ADR 0029).
/// </summary>
public sealed class CouncilBeforePublicationTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Theory]
    [InlineData("/council")]
    [InlineData("/plans")]
    [InlineData("/departments")]
    [InlineData("/booklets")]
    [InlineData("/summary")]
    public async Task The_members_menu_pages_answer_before_anything_is_published(string url)
    {
        using var member = await app.SignedInClientAsync(WorkflowFixture.Member);

        var response = await member.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_council_page_says_nothing_is_published_yet_and_offers_no_form()
    {
        using var member = await app.SignedInClientAsync(WorkflowFixture.Member);

        var response = await member.GetAsync(new Uri("/council", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("公表された版はまだありません", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", body, StringComparison.Ordinal);
        // The draft itself stays closed to the member.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri("/council?year=R6", UriKind.Relative))).StatusCode);
    }
}
