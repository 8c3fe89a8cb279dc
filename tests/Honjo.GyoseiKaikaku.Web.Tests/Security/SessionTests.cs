using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests.Security;

/// <summary>
/// A session ends when it should, for every copy of its cookie: at sign-out, when the password changes, when the
/// 企画課 resets the password or locks the account, after the idle timeout and at the absolute lifetime.
/// </summary>
public sealed class SessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sign_out_ends_a_copied_session_and_every_other_session_of_the_user()
    {
        await TestUsers.CreateAsync(app, "s-signout", AppRoles.Viewer);
        var client = NoRedirects();
        var copied = await client.SignInAndCopySessionCookieAsync("s-signout");
        var otherDevice = NoRedirects();
        await otherDevice.SignInAsync("s-signout");
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync(copied, "/plans")).StatusCode);

        var signOut = await client.PostFormAsync("/plans", "/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSentToSignIn(await app.ReplayAsync(copied, "/plans"));
        AssertSentToSignIn(await otherDevice.GetAsync(new Uri("/plans", UriKind.Relative)));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        await TestUsers.CreateAsync(app, "s-change", AppRoles.Viewer);
        var client = NoRedirects();
        var copied = await client.SignInAndCopySessionCookieAsync("s-change");

        var change = await client.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestUsers.Password,
            ["NewPassword"] = "Kawa-sakura-honjo-river-7",
            ["ConfirmPassword"] = "Kawa-sakura-honjo-river-7",
        });

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/plans", UriKind.Relative))).StatusCode);
        AssertSentToSignIn(await app.ReplayAsync(copied, "/plans"));
    }

    [Theory]
    [InlineData("reset-password")]
    [InlineData("lock")]
    public async Task An_administrators_reset_or_lock_ends_the_users_sessions_at_once(string action)
    {
        var userName = "s-admin-" + action;
        var id = await TestUsers.CreateAsync(app, userName, AppRoles.Viewer);
        await TestUsers.CreateAsync(app, "s-office", AppRoles.PlanningOffice);
        var user = NoRedirects();
        await user.SignInAsync(userName);
        var office = NoRedirects();
        await office.SignInAsync("s-office");

        var done = await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/{action}", new Dictionary<string, string>
        {
            ["NewPassword"] = "Temporary-kawa-honjo-42",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        AssertSentToSignIn(await user.GetAsync(new Uri("/plans", UriKind.Relative)));
    }

    private HttpClient NoRedirects() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    internal static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

/// <summary>The application on a clock the test moves.</summary>
public sealed class ClockedApp() : AppFactory(new AppOptions { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) });

public sealed class SessionLifetimeTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_session_unused_for_longer_than_the_idle_timeout_ends()
    {
        await TestUsers.CreateAsync(app, "l-idle", AppRoles.Viewer);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("l-idle");

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/plans", UriKind.Relative))).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        SessionTests.AssertSentToSignIn(await client.GetAsync(new Uri("/plans", UriKind.Relative)));
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_the_absolute_lifetime()
    {
        await TestUsers.CreateAsync(app, "l-busy", AppRoles.Viewer);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("l-busy");

        // Every 20 minutes for 9 hours 40 minutes: never idle, always renewed.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(9.6); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/password", UriKind.Relative))).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(25));

        SessionTests.AssertSentToSignIn(await client.GetAsync(new Uri("/account/password", UriKind.Relative)));
    }
}
