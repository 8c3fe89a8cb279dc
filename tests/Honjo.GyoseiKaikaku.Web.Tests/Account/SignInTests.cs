using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Account;
using Honjo.GyoseiKaikaku.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Web.Tests.Account;

/// <summary>The application with a password hasher that counts how often a password is checked.</summary>
public sealed class CountingHasherApp : AppFactory
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void ResetCount() => Interlocked.Exchange(ref _verifications, 0);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<ApplicationUser>>(sp =>
            new CountingHasher(new PasswordHasher<ApplicationUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), this)));
    }

    private sealed class CountingHasher(PasswordHasher<ApplicationUser> inner, CountingHasherApp app) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref app._verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// Sign-in says nothing about who exists: one message and one password hash for an unknown user, a wrong password,
/// a lockout and a lock by the 企画課; and a wrong current password on the password page counts toward the lockout.
/// </summary>
public sealed class SignInTests(CountingHasherApp app) : IClassFixture<CountingHasherApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_kind_of_sign_in_failure_shows_byte_identical_message_HTML()
    {
        await TestUsers.CreateAsync(app, "f-known", AppRoles.Viewer);
        await TestUsers.CreateAsync(app, "f-locked", AppRoles.Viewer);
        await TestUsers.CreateAsync(app, "f-stopped", AppRoles.Viewer);
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync("f-locked", "wrong-password-" + i);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("f-stopped"))!, DateTimeOffset.MaxValue);
        }

        var unknown = await AttemptAsync("f-nobody", "Some-password-2024");
        var wrongPassword = await AttemptAsync("f-known", "Some-password-2024");
        var lockedOut = await AttemptAsync("f-locked", TestUsers.Password);
        var stopped = await AttemptAsync("f-stopped", TestUsers.Password);

        var messages = new[] { unknown, wrongPassword, lockedOut, stopped };
        Assert.All(messages, m => Assert.Equal(HttpStatusCode.OK, m.Status));
        Assert.Single(messages.Select(m => m.ErrorsHtml).Distinct());
        Assert.Equal(SignInHandler.FailureMessage, Parser.ParseDocument(unknown.ErrorsHtml).QuerySelector("li")?.TextContent);
        Assert.Contains("企画課にお問い合わせください", SignInHandler.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h-nobody", false, false)]
    [InlineData("h-known", true, false)]
    [InlineData("h-locked", true, true)]
    public async Task Every_failed_sign_in_costs_one_password_hash_known_user_or_not(string userName, bool exists, bool locked)
    {
        if (exists)
        {
            await TestUsers.CreateAsync(app, userName, AppRoles.Viewer);
        }

        if (locked)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync(userName))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        app.ResetCount();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = locked ? TestUsers.Password : "Not-the-password-2024",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Verifications);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_password_page_count_toward_the_lockout()
    {
        await TestUsers.CreateAsync(app, "p-guess", AppRoles.Viewer);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("p-guess");

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await ChangeAsync(client, "Wrong-guess-number-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("現在のパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(i, (await app.FindUserAsync("p-guess"))!.AccessFailedCount);
        }

        var fifth = await ChangeAsync(client, "Wrong-guess-number-5");

        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/account/login", fifth.Headers.Location?.OriginalString);
        var user = (await app.FindUserAsync("p-guess"))!;
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
        SessionTests.AssertSentToSignIn(await client.GetAsync(new Uri("/plans", UriKind.Relative)));
        var again = await AttemptAsync("p-guess", TestUsers.Password);
        Assert.Contains(SignInHandler.FailureMessage, again.ErrorsHtml, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current) =>
        client.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "Kawa-sakura-honjo-river-7",
            ["ConfirmPassword"] = "Kawa-sakura-honjo-river-7",
        });

    private async Task<(HttpStatusCode Status, string ErrorsHtml)> AttemptAsync(string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
        });
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, page.QuerySelector(".form-errors")?.OuterHtml ?? string.Empty);
    }
}
