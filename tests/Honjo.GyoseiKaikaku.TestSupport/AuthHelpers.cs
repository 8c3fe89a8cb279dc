using System.Net;
using AngleSharp.Html.Parser;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>Signing in and posting forms through the real pipeline, antiforgery token included.</summary>
public static class AuthHelpers
{
    private const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    /// <summary>Signs the client in through the login form; throws when the sign-in is refused.</summary>
    public static async Task SignInAsync(this HttpClient client, string userName, string password = TestUsers.Password)
    {
        var response = await client.PostFormAsync(
            "/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

        // Success redirects (followed or not); a refusal shows the login form again.
        var signedIn = response.StatusCode == HttpStatusCode.Redirect
            || (response.RequestMessage?.RequestUri?.AbsolutePath is { } path && path != "/account/login");
        if (!signedIn)
        {
            throw new InvalidOperationException($"Signing in as '{userName}' failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>
    /// GETs <paramref name="formPageUrl"/>, takes the first antiforgery token on it and POSTs
    /// <paramref name="fields"/> with that token to <paramref name="postUrl"/>. Repeat a field as <c>Name[0]</c>, <c>Name[1]</c>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string formPageUrl, string postUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await client.GetAsync(new Uri(formPageUrl, UriKind.Relative));
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {formPageUrl} returned {(int)page.StatusCode}; no form to take a token from.");
        }

        var document = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector($"input[name='{TokenField}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"GET {formPageUrl} has no {TokenField}.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [TokenField] = token });
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }
}
