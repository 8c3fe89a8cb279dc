using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.PlanEdit;

/// <summary>企画課's own screens: plan editing, the progress board, and sign-in protection.</summary>
public sealed class PlanOfficeTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<Dictionary<string, string>> EditFormAsync(HttpClient client, string planId)
    {
        var doc = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri($"/plans/{planId}/edit", UriKind.Relative)));
        var fields = new Dictionary<string, string>();
        foreach (var input in doc.QuerySelectorAll("form.report-form input[name], form.report-form textarea[name], form.report-form select[name]:not([multiple])"))
        {
            var name = input.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || (input.GetAttribute("type") is "checkbox" && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option[selected]")?.TextContent ?? string.Empty,
                _ => input.GetAttribute("value") ?? string.Empty,
            };
        }

        var executing = doc.QuerySelectorAll("select[name='ExecutingDepartmentIds'] option[selected]").Select(o => o.GetAttribute("value")!).ToList();
        for (var i = 0; i < executing.Count; i++)
        {
            fields[$"ExecutingDepartmentIds[{i}]"] = executing[i];
        }

        return fields;
    }

    [Fact]
    public async Task The_office_edits_a_plan_and_the_sheet_and_history_show_it()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var form = await EditFormAsync(office, "3-12");
        form["Name"] = "職員による橋梁定期点検の実施";
        form["Targets[R7]"] = "職員による点検：40橋";

        var response = await office.PostFormAsync("/plans/3-12/edit", "/plans/3-12/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheet = await Parser.ParseDocumentAsync(await office.GetStringAsync(new Uri("/plans/3-12", UriKind.Relative)));
        Assert.Equal("職員による橋梁定期点検の実施", sheet.QuerySelector("[data-sheet-name]")!.TextContent.Trim());
        Assert.Equal("職員による点検：40橋", sheet.QuerySelector("[data-cell='target-R7']")!.TextContent.Trim());
        var history = await office.GetStringAsync(new Uri("/plans/3-12/history", UriKind.Relative));
        Assert.Contains("職員による橋梁定期点検の実施", history, StringComparison.Ordinal);
        Assert.Contains("R7年度の達成目標", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_plan_edit_lists_every_problem_in_Japanese_and_saves_nothing()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var form = await EditFormAsync(office, "3-11");
        form["Name"] = " ";
        form["Cooperators"] = "全庁、存在しない課";
        form["StartYear"] = "R8";
        form["TargetYear"] = "R6";
        foreach (var key in form.Keys.Where(k => k.StartsWith("ExecutingDepartmentIds", StringComparison.Ordinal)).ToList())
        {
            form.Remove(key);
        }

        var response = await office.PostFormAsync("/plans/3-11/edit", "/plans/3-11/edit", form);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("計画名を入力してください。", body, StringComparison.Ordinal);
        Assert.Contains("実行課を1つ以上指定してください。", body, StringComparison.Ordinal);
        Assert.Contains("連携課「存在しない課」は部署名にも区分", body, StringComparison.Ordinal);
        Assert.Contains("達成目標年度は開始年度以降の年度を指定してください。", body, StringComparison.Ordinal);
        Assert.Contains("公用車台数最適化", await office.GetStringAsync(new Uri("/plans/3-11", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_plan_edit_is_refused_and_keeps_the_input()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var form = await EditFormAsync(office, "3-10");
        var first = new Dictionary<string, string>(form) { ["Name"] = "学校給食残渣低減計画（改訂）" };
        var second = new Dictionary<string, string>(form) { ["Name"] = "学校給食残渣低減計画（別案）" };

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/plans/3-10/edit", "/plans/3-10/edit", first)).StatusCode);
        var stale = await office.PostFormAsync("/plans/3-10/edit", "/plans/3-10/edit", second);
        var body = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("他の人が先に更新しました", body, StringComparison.Ordinal);
        Assert.Contains("学校給食残渣低減計画（別案）", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_progress_board_counts_states_and_filters_what_is_late()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var board = await Parser.ParseDocumentAsync(await office.GetStringAsync(new Uri("/progress", UriKind.Relative)));
        var notStarted = int.Parse(board.QuerySelector("[data-count='NotStarted'] strong")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(notStarted >= 50, $"{notStarted}");
        Assert.Equal(56, board.QuerySelectorAll("tr[data-plan]").Select(r => r.GetAttribute("data-plan")).Distinct().Count());

        var set = await office.PostFormAsync("/progress", "/progress/deadline", new Dictionary<string, string> { ["Deadline"] = "2025-04-30" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var late = await Parser.ParseDocumentAsync(await office.GetStringAsync(new Uri("/progress?late=true", UriKind.Relative)));
        Assert.Equal(late.QuerySelector("[data-count='late'] strong")!.TextContent.Trim(), late.QuerySelectorAll("tr[data-plan]").Select(r => r.GetAttribute("data-plan")).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(late.QuerySelectorAll("tr[data-plan]"), r => Assert.Contains(r.GetAttribute("data-status"), new[] { "NotStarted", "Draft", "Returned" }));
        Assert.NotEmpty(late.QuerySelectorAll("tr[data-plan]"));
        Assert.Contains(late.QuerySelectorAll("section[data-department]"), s => s.GetAttribute("data-department") == "水道課");
    }

    [Fact]
    public async Task A_deadline_outside_the_year_is_refused_with_a_message()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        await office.PostFormAsync("/progress", "/progress/deadline", new Dictionary<string, string> { ["Deadline"] = "2020-01-01" });
        var board = await office.GetStringAsync(new Uri("/progress", UriKind.Relative));

        Assert.Contains("提出期限は令和6年度から翌年度末までの日付を指定してください。", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await TestUsers.CreateAsync(app, "t-lockme", AppRoles.Viewer);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = "t-lockme", ["Password"] = "wrong-password-1" });
            Assert.Contains(Features.Account.SignInHandler.FailureMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var right = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = "t-lockme", ["Password"] = TestUsers.Password });

        // The same answer as any failure (a lockout is not announced), and no session.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Features.Account.SignInHandler.FailureMessage, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByNameAsync("t-lockme");
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow);
    }
}

public sealed class BindingMessageTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_tampered_number_field_gets_a_Japanese_message_not_the_framework_English()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var response = await office.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["UserName"] = "tampered",
            ["DisplayName"] = "改ざん",
            ["Role"] = Honjo.GyoseiKaikaku.Infrastructure.Identity.AppRoles.DepartmentEditor,
            ["DepartmentIds[0]"] = "abc",
            ["Password"] = TestUsers.Password,
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("正しい値ではありません", body, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", body, StringComparison.Ordinal);
    }
}
