using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Security;

/// <summary>Nothing shown to a signed-in person may stay in a browser's or proxy's cache: it can hold drafts.</summary>
[Collection(SharedPublishedApp.Name)]
public sealed class CachingTests(PublishedWorkflowFixture app)
{
    [Theory]
    [InlineData("/my/workbook.xlsx")]
    [InlineData("/plans/1-9/report")]
    [InlineData("/plans/1-9/sheet.xlsx")]
    [InlineData("/plans/1-9")]
    [InlineData("/plans?q=%E4%BA%A4%E4%BB%98")]
    [InlineData("/summary.xlsx?year=R5")]
    public async Task Responses_to_a_signed_in_person_are_never_stored_by_caches(string url)
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Static_files_keep_their_own_caching()
    {
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await shimin.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
