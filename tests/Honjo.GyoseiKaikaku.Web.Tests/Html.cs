using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Honjo.GyoseiKaikaku.Web.Tests;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}.");
        return await Parser.ParseDocumentAsync(body);
    }

    /// <summary>The plan ids of the 目次 rows, in page order.</summary>
    public static IReadOnlyList<string> PlanRows(this IDocument document) =>
        document.QuerySelectorAll("table.toc tbody tr[data-plan]").Select(tr => tr.GetAttribute("data-plan")!).ToList();

    public static string Cell(this IDocument document, string name) =>
        document.QuerySelector($"[data-cell='{name}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No cell '{name}' on the page.");

    public static IReadOnlyList<string> CellItems(this IDocument document, string name) =>
        document.QuerySelectorAll($"[data-cell='{name}'] li").Select(li => li.TextContent.Trim()).ToList();
}
