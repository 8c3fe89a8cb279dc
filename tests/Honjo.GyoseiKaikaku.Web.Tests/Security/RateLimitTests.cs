using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Security;

/// <summary>The application with small password-attempt limits: 6 per client address, 4 per account.</summary>
public sealed class RateLimitedApp() : AppFactory(new AppOptions
{
    Settings = new Dictionary<string, string?>
    {
        ["Security:RateLimits:PerClient:PermitLimit"] = "6",
        ["Security:RateLimits:PerClient:Window"] = "00:10:00",
        ["Security:RateLimits:PerAccount:PermitLimit"] = "4",
        ["Security:RateLimits:PerAccount:Window"] = "00:10:00",
    },
})
{
    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }
}

/// <summary>
/// Password attempts are limited per client address and per account; beyond the limit the answer is a 429 with the
/// Japanese page, the password is not even checked and the account's failure count does not move.
/// </summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_client_trying_many_accounts_gets_a_Japanese_429_after_the_per_client_limit()
    {
        await TestUsers.CreateAsync(app, "r-spray-target", AppRoles.Viewer);
        var sprayer = app.ClientFrom("10.1.1.1");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(sprayer, $"r-spray-{i}", "password1234")).StatusCode);
        }

        var refused = await AttemptAsync(sprayer, "r-spray-target", "password1234");

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing.");
        Assert.Contains("しばらくお待ちください", body, StringComparison.Ordinal);
        Assert.Contains("一時的に受け付けを止めています", body, StringComparison.Ordinal);
        Assert.Equal(0, (await app.FindUserAsync("r-spray-target"))!.AccessFailedCount);
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(app.ClientFrom("10.1.1.2"), "r-spray-target", "password1234")).StatusCode);
        var logged = Assert.Single(app.Log.WithEventId(1102), r => r["ClientAddress"] == "10.1.1.1");
        Assert.Equal("R-SPRAY-TARGET", logged["Account"]);
        Assert.False(string.IsNullOrEmpty(logged["RequestId"]));
    }

    [Fact]
    public async Task Many_addresses_guessing_one_account_get_a_429_after_the_per_account_limit()
    {
        await TestUsers.CreateAsync(app, "r-target", AppRoles.Viewer);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(app.ClientFrom($"10.2.0.{i}"), "R-Target", "Guess-number-" + i)).StatusCode);
        }

        // A second user-name field (form keys are case-insensitive) must not make a new account key: MVC binds the first.
        var refused = await app.ClientFrom("10.2.0.5").PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["UserName"] = "r-target",
            ["username"] = "something-else",
            ["Password"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(4, (await app.FindUserAsync("r-target"))!.AccessFailedCount);
        Assert.Null(AuthHelpers.SetCookie(refused, "honjo.auth"));
    }

    [Fact]
    public async Task An_unknown_account_is_limited_exactly_like_an_existing_one()
    {
        await TestUsers.CreateAsync(app, "r-exists", AppRoles.Viewer);
        var statuses = new Dictionary<string, List<HttpStatusCode>>();
        foreach (var name in new[] { "r-exists", "r-does-not-exist" })
        {
            statuses[name] = [];
            for (var i = 1; i <= 5; i++)
            {
                statuses[name].Add((await AttemptAsync(app.ClientFrom($"10.3.{name.Length}.{i}"), name, "Guess-number-" + i)).StatusCode);
            }
        }

        Assert.Equal(statuses["r-exists"], statuses["r-does-not-exist"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses["r-exists"][^1]);
    }

    [Fact]
    public async Task Password_changes_are_limited_per_account_too()
    {
        await TestUsers.CreateAsync(app, "r-changer", AppRoles.Viewer);
        var client = app.ClientFrom("10.4.0.1");
        await client.SignInAsync("r-changer");

        // The sign-in was the first attempt on this account; three wrong current passwords make four.
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(client, "Wrong-current-" + i)).StatusCode);
        }

        var refused = await ChangeAsync(client, TestUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("しばらくお待ちください", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = (await app.FindUserAsync("r-changer"))!;
        Assert.Equal(3, user.AccessFailedCount);
        Assert.True(await CheckAsync(user, TestUsers.Password), "The refused change changed the password.");
    }

    private static Task<HttpResponseMessage> AttemptAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current) =>
        client.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "Kawa-sakura-honjo-river-7",
            ["ConfirmPassword"] = "Kawa-sakura-honjo-river-7",
        });

    private async Task<bool> CheckAsync(ApplicationUser user, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(user, password);
    }
}
