using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Account;

/// <summary>
/// The password policy (12+ characters, no composition rules, no common or guessable passwords, not the user ID) and
/// the obligation to replace a password the 企画課 set before doing anything else.
/// </summary>
public sealed class PasswordPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Guessable = "推測されやすいパスワードです。";

    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("password12")]
    [InlineData("qwertyuiop1")]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    public async Task Common_passwords_are_refused_with_a_Japanese_message(string weak)
    {
        var userName = "w-" + weak;
        await TestUsers.CreateAsync(app, userName, AppRoles.Viewer);
        var client = await SignedInAsync(userName);
        var hashBefore = (await app.FindUserAsync(userName))!.PasswordHash;

        var response = await ChangeAsync(client, TestUsers.Password, weak);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.StartsWith(Guessable, StringComparison.Ordinal));
        Assert.Equal(hashBefore, (await app.FindUserAsync(userName))!.PasswordHash);
    }

    [Fact]
    public async Task Common_passwords_are_refused_when_the_office_creates_a_user()
    {
        await TestUsers.CreateAsync(app, "w-office", AppRoles.PlanningOffice);
        var office = await SignedInAsync("w-office");

        var response = await office.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["UserName"] = "w-created",
            ["DisplayName"] = "作られない人",
            ["Role"] = AppRoles.Viewer,
            ["Password"] = "qwertyuiop1",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("パスワードは12文字以上にしてください。", errors);
        Assert.Contains(errors, e => e.StartsWith(Guessable, StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("w-created"));
    }

    [Fact]
    public async Task A_password_containing_the_user_ID_is_refused()
    {
        await TestUsers.CreateAsync(app, "w-tanaka", AppRoles.Viewer);
        var client = await SignedInAsync("w-tanaka");

        var response = await ChangeAsync(client, TestUsers.Password, "Kawa-W-TANAKA-sakura-7");

        Assert.Contains("パスワードにユーザーIDを含めないでください。", await ErrorsAsync(response));
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        await TestUsers.CreateAsync(app, "w-phrase", AppRoles.Viewer);
        var client = await SignedInAsync("w-phrase");

        var response = await ChangeAsync(client, TestUsers.Password, "tonbo kawara yuuyake sora");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_user_created_by_the_office_must_change_the_password_before_anything_else()
    {
        await TestUsers.CreateAsync(app, "m-office", AppRoles.PlanningOffice);
        var office = await SignedInAsync("m-office");
        var created = await office.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["UserName"] = "m-newcomer",
            ["DisplayName"] = "新しく来た人",
            ["Role"] = AppRoles.Viewer,
            ["Password"] = "Initial-kawa-honjo-2024",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True((await app.FindUserAsync("m-newcomer"))!.MustChangePassword);

        var user = await SignedInAsync("m-newcomer", "Initial-kawa-honjo-2024");

        foreach (var url in new[] { "/", "/plans", "/plans/1-9", "/summary", "/booklets", "/admin/users" })
        {
            var response = await user.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
        }

        var page = await Parser.ParseDocumentAsync(await user.GetStringAsync(new Uri("/account/password", UriKind.Relative)));
        Assert.Contains("企画課が設定した仮のパスワード", page.QuerySelector("[data-must-change]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(new Uri("/css/site.css", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(new Uri("/opendata", UriKind.Relative))).StatusCode);

        var changed = await ChangeAsync(user, "Initial-kawa-honjo-2024", "Mine-only-tsubame-sky-9");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(new Uri("/plans", UriKind.Relative))).StatusCode);
        Assert.False((await app.FindUserAsync("m-newcomer"))!.MustChangePassword);
    }

    [Fact]
    public async Task A_user_with_a_password_set_by_the_office_may_still_sign_out()
    {
        var id = await TestUsers.CreateAsync(app, "m-leaver", AppRoles.Viewer);
        await TestUsers.CreateAsync(app, "m-office2", AppRoles.PlanningOffice);
        var office = await SignedInAsync("m-office2");
        var reset = await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/reset-password", new Dictionary<string, string>
        {
            ["NewPassword"] = "Reset-by-office-kawa-11",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.True((await app.FindUserAsync("m-leaver"))!.MustChangePassword);

        var user = await SignedInAsync("m-leaver", "Reset-by-office-kawa-11");
        Assert.Equal("/account/password", (await user.GetAsync(new Uri("/plans", UriKind.Relative))).Headers.Location?.OriginalString);

        var signOut = await user.PostFormAsync("/account/password", "/account/logout", new Dictionary<string, string>());

        Assert.Equal("/account/login?signedOut=1", signOut.Headers.Location?.OriginalString);
        Assert.True((await app.FindUserAsync("m-leaver"))!.MustChangePassword);
    }

    [Fact]
    public async Task Changing_to_the_same_password_is_refused()
    {
        await TestUsers.CreateAsync(app, "w-same", AppRoles.Viewer);
        var client = await SignedInAsync("w-same");

        var response = await ChangeAsync(client, TestUsers.Password, TestUsers.Password);

        Assert.Contains(Features.Account.PasswordChangeHandler.SameAsCurrentMessage, await ErrorsAsync(response));
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password = TestUsers.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(userName, password);
        return client;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });

    internal static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll(".form-errors li").Select(li => li.TextContent.Trim()).ToList();
    }
}

/// <summary>The application as scripts/run.sh starts it: Development, with the demo accounts.</summary>
public sealed class DevelopmentApp() : AppFactory(new AppOptions { Environment = "Development" });

public sealed class DemoAccountTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Theory]
    [InlineData("kikaku")]
    [InlineData("shimin")]
    [InlineData("joho")]
    [InlineData("kanri")]
    public async Task Demo_accounts_sign_in_with_the_configured_password_and_are_not_asked_to_change_it(string userName)
    {
        var password = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[DemoAccounts.PasswordKey]!;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await client.SignInAsync(userName, password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/plans", UriKind.Relative))).StatusCode);
    }
}
