using System.Net;
using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Account;

/// <summary>
/// Every limit the sign-in, password and user forms declare is enforced, and every message a person can get from
/// them is Japanese — the framework's English ("The field … must be a string…") never shows.
/// </summary>
public sealed partial class FormMessageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string TooLong = new('x', 201);

    [Fact]
    public async Task Over_long_sign_in_input_is_refused_in_Japanese_and_tries_nothing()
    {
        await TestUsers.CreateAsync(app, "fm-user", AppRoles.Viewer);
        var client = Client();

        var password = await PostAsync(client, "/account/login", "/account/login", new() { ["UserName"] = "fm-user", ["Password"] = TooLong });
        var userName = await PostAsync(client, "/account/login", "/account/login", new() { ["UserName"] = new string('u', 101), ["Password"] = "whatever-password" });

        Assert.Equal(["パスワードは200文字以内で入力してください。"], password.Errors);
        Assert.Equal(["ユーザーIDは100文字以内で入力してください。"], userName.Errors);
        Assert.Equal(0, (await app.FindUserAsync("fm-user"))!.AccessFailedCount);
    }

    [Fact]
    public async Task Over_long_passwords_on_the_password_page_are_refused_in_Japanese()
    {
        await TestUsers.CreateAsync(app, "fm-changer", AppRoles.Viewer);
        var client = Client();
        await client.SignInAsync("fm-changer");
        var hash = (await app.FindUserAsync("fm-changer"))!.PasswordHash;
        var longNew = "Kawa-" + new string('z', 130);

        var current = await PostAsync(client, "/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = TooLong, ["NewPassword"] = "Kawa-sakura-honjo-river-7", ["ConfirmPassword"] = "Kawa-sakura-honjo-river-7",
        });
        var next = await PostAsync(client, "/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = TestUsers.Password, ["NewPassword"] = longNew, ["ConfirmPassword"] = longNew,
        });

        Assert.Equal(["現在のパスワードは200文字以内で入力してください。"], current.Errors);
        Assert.Equal(["新しいパスワードは128文字以内で入力してください。"], next.Errors);
        var user = (await app.FindUserAsync("fm-changer"))!;
        Assert.Equal(hash, user.PasswordHash);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task Over_long_input_on_the_user_forms_is_refused_in_Japanese()
    {
        var id = await TestUsers.CreateAsync(app, "fm-target", AppRoles.Viewer);
        await TestUsers.CreateAsync(app, "fm-office", AppRoles.PlanningOffice);
        var office = Client();
        await office.SignInAsync("fm-office");
        var hash = (await app.FindUserAsync("fm-target"))!.PasswordHash;
        var longPassword = "Kawa-" + new string('z', 130);

        var create = await PostAsync(office, "/admin/users/new", "/admin/users/new", new()
        {
            ["UserName"] = new string('n', 51), ["DisplayName"] = new string('名', 101), ["Role"] = AppRoles.Viewer, ["Password"] = longPassword,
        });
        var reset = await PostAsync(office, $"/admin/users/{id}/edit", $"/admin/users/{id}/reset-password", new() { ["NewPassword"] = longPassword });

        Assert.Contains("パスワードは128文字以内にしてください。", create.Errors);
        Assert.Contains("ユーザーIDは3文字以上50文字以内で入力してください。", create.Errors);
        Assert.Contains("表示名は100文字以内で入力してください。", create.Errors);
        Assert.Equal(["パスワードは128文字以内にしてください。"], reset.Errors);
        Assert.Equal(hash, (await app.FindUserAsync("fm-target"))!.PasswordHash);
        Assert.Null(await app.FindUserAsync(new string('n', 51)));
    }

    [Fact]
    public async Task Empty_forms_get_Japanese_messages_only()
    {
        await TestUsers.CreateAsync(app, "fm-empty", AppRoles.PlanningOffice);
        var client = Client();
        var login = await PostAsync(client, "/account/login", "/account/login", []);
        await client.SignInAsync("fm-empty");
        var change = await PostAsync(client, "/account/password", "/account/password", []);
        var create = await PostAsync(client, "/admin/users/new", "/admin/users/new", []);

        Assert.Equal(["パスワードを入力してください。", "ユーザーIDを入力してください。"], login.Errors.Order(StringComparer.Ordinal));
        Assert.Equal(3, change.Errors.Count);
        Assert.NotEmpty(create.Errors);
    }

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the form; fails if any message on the page is not Japanese.</summary>
    private static async Task<(HttpStatusCode Status, IReadOnlyList<string> Errors)> PostAsync(
        HttpClient client, string formPage, string url, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync(formPage, url, fields);
        var body = await response.Content.ReadAsStringAsync();
        var errors = await PasswordPolicyTests.ErrorsAsync(response);
        Assert.DoesNotContain("The field", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" must be ", body, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Matches(Japanese(), e));
        return (response.StatusCode, errors);
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
