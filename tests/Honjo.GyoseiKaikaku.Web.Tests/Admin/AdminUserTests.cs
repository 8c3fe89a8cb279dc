using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Admin;

public sealed class AdminUserTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Fresh-password-77";

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Office_creates_a_department_editor_for_市民課_who_can_then_sign_in()
    {
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await CreateUserAsync(admin, "shimin.new", AppRoles.DepartmentEditor, TestUsers.Password, await DepartmentIdAsync(admin, "市民課"));

        await AssertDoneAsync(response);
        Assert.Equal("/admin/users", response.Headers.Location?.OriginalString);
        var list = await admin.GetDocumentAsync("/admin/users?q=shimin.new");
        Assert.Contains("利用者「shimin.new」を登録しました。", list.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("tr[data-user='shimin.new']")!;
        Assert.Equal("部署担当", row.Cell("role"));
        Assert.Equal("市民課", row.Cell("departments"));
        Assert.Equal("有効", row.Cell("state"));
        Assert.True(await CanSignInAsync("shimin.new", TestUsers.Password));
    }

    [Fact]
    public async Task Departments_chosen_for_a_viewer_are_ignored()
    {
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await CreateUserAsync(admin, "viewer.new", AppRoles.Viewer, TestUsers.Password, await DepartmentIdAsync(admin, "市民課"));

        await AssertDoneAsync(response);
        var row = (await admin.GetDocumentAsync("/admin/users?q=viewer.new")).QuerySelector("tr[data-user='viewer.new']")!;
        Assert.Equal("閲覧", row.Cell("role"));
        Assert.Equal(string.Empty, row.Cell("departments"));
    }

    [Fact]
    public async Task Office_creates_a_council_member_who_signs_in_as_審議会委員()
    {
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);
        Assert.NotNull((await admin.GetDocumentAsync("/admin/users/new")).QuerySelector($"select[name='Role'] option[value='{AppRoles.CouncilMember}']"));

        var response = await CreateUserAsync(admin, "iin.new", AppRoles.CouncilMember, TestUsers.Password, await DepartmentIdAsync(admin, "市民課"));

        await AssertDoneAsync(response);
        var row = (await admin.GetDocumentAsync("/admin/users?q=iin.new")).QuerySelector("tr[data-user='iin.new']")!;
        Assert.Equal("審議会委員", row.Cell("role"));
        Assert.Equal(string.Empty, row.Cell("departments"));
        Assert.True(await CanSignInAsync("iin.new", TestUsers.Password));
    }

    [Theory]
    [InlineData("taken.user", AppRoles.Viewer, TestUsers.Password, "ユーザーID「taken.user」は既に使われています。")]
    [InlineData("weak.password", AppRoles.Viewer, "abc", "パスワードは12文字以上にしてください。")]
    [InlineData("weak.password", AppRoles.Viewer, "password1234", "推測されやすいパスワードです。")]
    [InlineData("no.department", AppRoles.DepartmentEditor, TestUsers.Password, "部署担当には、担当する部署を1つ以上選んでください。")]
    [InlineData("bad name!", AppRoles.Viewer, TestUsers.Password, "ユーザーIDは半角英数字と . _ - で入力してください。")]
    [InlineData("ab", AppRoles.Viewer, TestUsers.Password, "ユーザーIDは3文字以上50文字以内で入力してください。")]
    public async Task Invalid_input_is_refused_with_a_Japanese_message(string userName, string role, string password, string message)
    {
        await TestUsers.CreateAsync(factory, "taken.user", AppRoles.Viewer);
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await CreateUserAsync(admin, userName, role, password);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.StartsWith(message, StringComparison.Ordinal));
        if (userName != "taken.user")
        {
            Assert.Null(await factory.FindUserAsync(userName));
        }
    }

    [Fact]
    public async Task A_refused_form_shows_every_error_and_keeps_what_was_typed_except_the_password()
    {
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await CreateUserAsync(admin, "typed.user", AppRoles.DepartmentEditor, "short");

        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var errors = await ErrorsAsync(response);
        Assert.Contains("パスワードは12文字以上にしてください。", errors);
        Assert.Contains("部署担当には、担当する部署を1つ以上選んでください。", errors);
        Assert.Equal("typed.user", page.QuerySelector("#UserName")?.GetAttribute("value"));
        Assert.Equal("typed.user 表示名", page.QuerySelector("#DisplayName")?.GetAttribute("value"));
        Assert.Equal(AppRoles.DepartmentEditor, page.QuerySelector("#Role option[selected]")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#Password")?.GetAttribute("value")));
    }

    [Theory]
    [InlineData("editor.refused", AppRoles.DepartmentEditor)]
    [InlineData("viewer.refused", AppRoles.Viewer)]
    [InlineData("member.refused", AppRoles.CouncilMember)]
    public async Task Only_the_planning_office_may_list_or_create_users(string userName, string role)
    {
        await TestUsers.CreateAsync(factory, userName, role, role == AppRoles.DepartmentEditor ? ["市民課"] : []);
        var client = factory.CreateClient();
        await client.SignInAsync(userName);

        var list = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        var create = await client.PostFormAsync("/account/login", "/admin/users/new", new Dictionary<string, string>
        {
            ["UserName"] = "created.by." + role,
            ["DisplayName"] = "作られてはいけない",
            ["Role"] = AppRoles.PlanningOffice,
            ["Password"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Null(await factory.FindUserAsync("created.by." + role));
    }

    [Fact]
    public async Task Editing_changes_display_name_role_and_departments()
    {
        var id = await TestUsers.CreateAsync(factory, "edit.me", AppRoles.DepartmentEditor, "市民課");
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);
        var joho = await DepartmentIdAsync(admin, "情報システム課");

        var response = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit", new Dictionary<string, string>
        {
            ["DisplayName"] = "情報システム課 担当",
            ["Role"] = AppRoles.DepartmentEditor,
            ["DepartmentIds[0]"] = joho.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        await AssertDoneAsync(response);
        var row = (await admin.GetDocumentAsync("/admin/users?q=edit.me")).QuerySelector("tr[data-user='edit.me']")!;
        Assert.Equal("情報システム課 担当", row.QuerySelector("td")?.TextContent.Trim());
        Assert.Equal("情報システム課", row.Cell("departments"));

        response = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit", new Dictionary<string, string>
        {
            ["DisplayName"] = "閲覧になった人",
            ["Role"] = AppRoles.Viewer,
            ["DepartmentIds[0]"] = joho.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        await AssertDoneAsync(response);
        row = (await admin.GetDocumentAsync("/admin/users?q=edit.me")).QuerySelector("tr[data-user='edit.me']")!;
        Assert.Equal("閲覧", row.Cell("role"));
        Assert.Equal(string.Empty, row.Cell("departments"));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var id = await TestUsers.CreateAsync(factory, "lock.me", AppRoles.Viewer);
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var locked = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/lock", new Dictionary<string, string>());

        await AssertDoneAsync(locked);
        Assert.Equal("ロック中", (await admin.GetDocumentAsync("/admin/users?q=lock.me")).QuerySelector("tr[data-user='lock.me']")!.Cell("state"));
        var refused = await SignInResponseAsync("lock.me", TestUsers.Password);
        Assert.Equal([Features.Account.SignInHandler.FailureMessage], await ErrorsAsync(refused));

        var unlocked = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/unlock", new Dictionary<string, string>());

        await AssertDoneAsync(unlocked);
        Assert.True(await CanSignInAsync("lock.me", TestUsers.Password));
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var id = await TestUsers.CreateAsync(factory, "forgot.password", AppRoles.Viewer);
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await admin.PostFormAsync(
            $"/admin/users/{id}/edit", $"/admin/users/{id}/reset-password", new Dictionary<string, string> { ["NewPassword"] = NewPassword });

        await AssertDoneAsync(response);
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("パスワードを再設定しました", page.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync("forgot.password", NewPassword));
        Assert.False(await CanSignInAsync("forgot.password", TestUsers.Password));
    }

    [Fact]
    public async Task A_weak_reset_password_is_refused_with_the_policy_message()
    {
        var id = await TestUsers.CreateAsync(factory, "weak.reset", AppRoles.Viewer);
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var response = await admin.PostFormAsync(
            $"/admin/users/{id}/edit", $"/admin/users/{id}/reset-password", new Dictionary<string, string> { ["NewPassword"] = "aaaaaaaaaaaa1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.StartsWith("推測されやすいパスワードです。", StringComparison.Ordinal));
        Assert.True(await CanSignInAsync("weak.reset", TestUsers.Password));
    }

    [Fact]
    public async Task The_planning_office_cannot_lock_itself_or_give_up_its_own_role()
    {
        var id = await TestUsers.CreateAsync(factory, "kikaku-self", AppRoles.PlanningOffice);
        var admin = await SignedInAsync("kikaku-self", AppRoles.PlanningOffice);

        var lockSelf = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/lock", new Dictionary<string, string>());
        var demoteSelf = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit", new Dictionary<string, string>
        {
            ["DisplayName"] = "企画課 自分",
            ["Role"] = AppRoles.Viewer,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, lockSelf.StatusCode);
        Assert.Contains("自分自身はロックできません。", await ErrorsAsync(lockSelf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoteSelf.StatusCode);
        Assert.Contains(await ErrorsAsync(demoteSelf), e => e.StartsWith("自分自身の「企画課」の役割は外せません。", StringComparison.Ordinal));
        var user = (await factory.FindUserAsync("kikaku-self"))!;
        Assert.Null(user.LockoutEnd);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().IsInRoleAsync(user, AppRoles.PlanningOffice));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_text_and_pages_by_twenty()
    {
        for (var i = 1; i <= 23; i++)
        {
            await TestUsers.CreateAsync(factory, $"paged.user{i:00}", AppRoles.Viewer);
        }

        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var first = await admin.GetDocumentAsync("/admin/users?q=PAGED.user");
        var second = await admin.GetDocumentAsync(first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!);
        var none = await admin.GetDocumentAsync("/admin/users?q=nobody-like-this");

        Assert.Equal(20, first.QuerySelectorAll("tr[data-user]").Length);
        Assert.Equal(["paged.user21", "paged.user22", "paged.user23"], second.QuerySelectorAll("tr[data-user]").Select(r => r.GetAttribute("data-user")));
        Assert.NotNull(none.QuerySelector(".empty-state"));
        Assert.Empty(none.QuerySelectorAll("tr[data-user]"));
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var admin = await SignedInAsync("kikaku-admin", AppRoles.PlanningOffice);

        var edit = await admin.GetAsync(new Uri("/admin/users/no-such-id/edit", UriKind.Relative));
        var lockUnknown = await admin.PostFormAsync("/admin/users/new", "/admin/users/no-such-id/lock", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockUnknown.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string role)
    {
        await TestUsers.CreateAsync(factory, userName, role);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(userName);
        return client;
    }

    private async Task<HttpResponseMessage> SignInResponseAsync(string userName, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
        });
    }

    private async Task<bool> CanSignInAsync(string userName, string password) =>
        (await SignInResponseAsync(userName, password)).StatusCode == HttpStatusCode.Redirect;

    private static Task<HttpResponseMessage> CreateUserAsync(HttpClient admin, string userName, string role, string password, params int[] departmentIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["DisplayName"] = $"{userName} 表示名",
            ["Role"] = role,
            ["Password"] = password,
        };
        for (var i = 0; i < departmentIds.Length; i++)
        {
            fields[$"DepartmentIds[{i}]"] = departmentIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return admin.PostFormAsync("/admin/users/new", "/admin/users/new", fields);
    }

    private static async Task<int> DepartmentIdAsync(HttpClient admin, string name)
    {
        var form = await admin.GetDocumentAsync("/admin/users/new");
        return int.Parse(
            form.QuerySelectorAll("#DepartmentIds option").Single(o => o.TextContent == name).GetAttribute("value")!,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A change that went through redirects; otherwise the failure shows the page's errors.</summary>
    private static async Task AssertDoneAsync(HttpResponseMessage response) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", await ErrorsAsync(response))}");

    private static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll(".form-errors li").Select(li => li.TextContent.Trim()).ToList();
    }
}

internal static class UserRowExtensions
{
    public static string Cell(this IElement row, string name) =>
        row.QuerySelector($"[data-cell='{name}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No cell '{name}'.");
}
