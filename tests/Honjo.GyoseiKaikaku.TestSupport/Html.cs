using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Honjo.GyoseiKaikaku.TestSupport;

public static class Html
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

    /// <summary>
    /// The fields a browser would post from the form matched by <paramref name="selector"/>: hidden and text inputs,
    /// checked boxes, selected options and textareas. A field with several values is named <c>Name[0]</c>, <c>Name[1]</c>.
    /// </summary>
    public static Dictionary<string, string> FormFields(this IDocument document, string selector)
    {
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on the page.");
        var pairs = new List<(string Name, string Value)>();
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
            {
                continue;
            }

            switch (element.LocalName)
            {
                case "textarea":
                    pairs.Add((name, element.TextContent));
                    break;
                case "select":
                    pairs.AddRange(element.QuerySelectorAll("option[selected]").Select(o => (name, o.GetAttribute("value") ?? o.TextContent)));
                    break;
                default:
                    var type = element.GetAttribute("type") ?? "text";
                    if (type is "submit" or "button" || (type is "checkbox" or "radio" && !element.HasAttribute("checked")))
                    {
                        continue;
                    }

                    pairs.Add((name, element.GetAttribute("value") ?? (type == "checkbox" ? "on" : string.Empty)));
                    break;
            }
        }

        return pairs.GroupBy(p => p.Name)
            .SelectMany(g => g.Count() == 1 ? [(g.Key, g.Single().Value)] : g.Select((p, i) => ($"{g.Key}[{i}]", p.Value)))
            .ToDictionary(p => p.Item1, p => p.Item2);
    }
}
