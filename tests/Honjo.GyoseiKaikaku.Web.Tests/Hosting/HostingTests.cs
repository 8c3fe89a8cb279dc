using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Hosting;

/// <summary>
/// The application configured as in production: environment Production, Secure <c>__Host-</c> cookies, one allowed
/// host name, and a TLS-terminating proxy at 10.20.0.1 whose X-Forwarded-* headers are believed.
/// </summary>
public sealed class ProductionApp() : AppFactory(new AppOptions
{
    Environment = "Production",
    Settings = new Dictionary<string, string?>
    {
        ["Security:Session:SecureCookie"] = "true",
        ["AllowedHosts"] = Host,
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    },
})
{
    public const string Host = "gyoseikaikaku.city.honjo.example";
    public const string Proxy = "10.20.0.1";

    /// <summary>A client that keeps no cookies (the test carries them) and does not follow redirects.</summary>
    public HttpClient BareClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{Host}/") });
}

public sealed class ProductionHostingTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Behind_the_TLS_proxy_the_session_cookie_is_Secure_and_host_prefixed()
    {
        await TestUsers.CreateAsync(app, "p-user", AppRoles.Viewer);
        using var client = app.BareClient();

        using var form = await SendAsync(client, HttpMethod.Get, "/account/login", null, null);
        var antiforgery = AuthHelpers.SetCookie(form, "__Host-honjo.antiforgery")!;
        var token = new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync())
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var signIn = await SendAsync(client, HttpMethod.Post, "/account/login", antiforgery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "p-user",
            ["Password"] = TestUsers.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-honjo.auth=", StringComparison.Ordinal));
        var attributes = setCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains("httponly", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.Contains("secure", form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-honjo.antiforgery=", StringComparison.Ordinal)).ToLowerInvariant(), StringComparison.Ordinal);

        using var page = await SendAsync(client, HttpMethod.Get, "/plans", setCookie.Split(';')[0], null);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Redirects_use_https_when_the_known_proxy_says_so_and_only_then()
    {
        using var client = app.BareClient();

        using var viaProxy = await SendAsync(client, HttpMethod.Get, "/plans", null, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/plans", UriKind.Relative));
        request.Headers.Add(AppFactory.ClientAddressHeader, "10.66.0.1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var spoofed = await client.SendAsync(request);

        Assert.StartsWith($"https://{ProductionApp.Host}/account/login", viaProxy.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith($"http://{ProductionApp.Host}/account/login", spoofed.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_Host_header_is_refused()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example/") });

        using var response = await client.GetAsync(new Uri("/plans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>A request as the proxy forwards it: from <see cref="ProductionApp.Proxy"/>, for a browser at 192.0.2.7 over https.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? cookie, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Add(AppFactory.ClientAddressHeader, ProductionApp.Proxy);
        request.Headers.Add("X-Forwarded-For", "192.0.2.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>What the shipped configuration allows, and the error pages.</summary>
public sealed class HostingDefaultsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void The_shipped_configuration_allows_no_wildcard_host()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Web", "appsettings.json"))
            .Build();

        Assert.DoesNotContain("*", configuration["AllowedHosts"], StringComparison.Ordinal);
        Assert.Equal("localhost;127.0.0.1;[::1]", app.Services.GetRequiredService<IConfiguration>()["AllowedHosts"]);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(204)]
    [InlineData(302)]
    [InlineData(99)]
    [InlineData(418000)]
    [InlineData(450)]
    [InlineData(600)]
    public async Task Error_pages_answer_only_real_error_codes(int code)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri($"/error/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "ページが見つかりません")]
    [InlineData(429, "しばらくお待ちください")]
    [InlineData(503, "エラーが発生しました")]
    public async Task Real_error_codes_keep_their_page(int code, string title)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri($"/error/{code}", UriKind.Relative));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
