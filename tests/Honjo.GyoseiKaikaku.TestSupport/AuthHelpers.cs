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
    /// Signs in through the login form with a client that does not follow redirects, and returns the session cookie
    /// the server set (<c>name=value</c>): what an attacker who copied it would replay with <see cref="ReplayAsync"/>.
    /// </summary>
    public static async Task<string> SignInAndCopySessionCookieAsync(this HttpClient client, string userName, string password = TestUsers.Password)
    {
        var response = await client.PostFormAsync(
            "/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as '{userName}' failed ({(int)response.StatusCode}).");
        }

        return SetCookie(response, "honjo.auth") ?? throw new InvalidOperationException("The sign-in set no session cookie.");
    }

    /// <summary>The <c>name=value</c> of the cookie <paramref name="name"/> set by <paramref name="response"/>, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
    }

    /// <summary>GETs <paramref name="url"/> with nothing but <paramref name="cookie"/>, from a client that keeps no cookies of its own.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(this AppFactory factory, string cookie, string url)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var bare = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
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
