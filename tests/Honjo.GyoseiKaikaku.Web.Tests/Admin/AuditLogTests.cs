using System.Globalization;
using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Admin;

/// <summary>
/// Administrative actions are kept in the database (who, when, what, target, detail, client address, request id),
/// shown to the 企画課 on 操作ログ and to no one else, and never changed; security events go to the log with event ids.
/// </summary>
public sealed class AuditLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A new user signed in from <paramref name="address"/> (the audit records the client address).</summary>
    private async Task<HttpClient> ClientForAsync(string userName, string role, string address, params string[] departments)
    {
        await TestUsers.CreateAsync(app, userName, role, departments);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AppFactory.ClientAddressHeader, address);
        await client.SignInAsync(userName);
        return client;
    }

    [Fact]
    public async Task User_administration_and_the_deadline_are_recorded_with_who_what_and_from_where()
    {
        var office = await ClientForAsync("a-kikaku", AppRoles.PlanningOffice, "10.9.0.1");
        var before = await MaxIdAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["UserName"] = "a-audited",
            ["DisplayName"] = "記録される人",
            ["Role"] = AppRoles.Viewer,
            ["Password"] = "Initial-kawa-honjo-2024",
        })).StatusCode);
        var id = await UserIdAsync("a-audited");
        var shimin = await app.DepartmentIdAsync("市民課");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit", new Dictionary<string, string>
        {
            ["DisplayName"] = "市民課 記録される人",
            ["Role"] = AppRoles.DepartmentEditor,
            ["DepartmentIds[0]"] = shimin.ToString(CultureInfo.InvariantCulture),
        })).StatusCode);
        foreach (var action in new[] { "lock", "unlock" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/{action}", new Dictionary<string, string>())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/reset-password", new Dictionary<string, string>
        {
            ["NewPassword"] = "Reset-by-office-kawa-11",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/progress", "/progress/deadline", new Dictionary<string, string>
        {
            ["Deadline"] = "2025-05-30",
        })).StatusCode);

        var rows = await EventsAfterAsync(before);
        Assert.Equal(
            [
                AuditAction.UserCreated, AuditAction.UserDisplayNameChanged, AuditAction.UserRoleChanged, AuditAction.UserDepartmentsChanged,
                AuditAction.UserLocked, AuditAction.UserUnlocked, AuditAction.PasswordReset, AuditAction.DeadlineChanged,
            ],
            rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal("a-kikaku", r.ActorName);
            Assert.Equal("10.9.0.1", r.ClientAddress);
            Assert.False(string.IsNullOrEmpty(r.RequestId));
            Assert.False(string.IsNullOrEmpty(r.ActorId));
            Assert.True(r.At > DateTimeOffset.UtcNow.AddMinutes(-5) && r.At <= DateTimeOffset.UtcNow);
        });
        Assert.All(rows.Take(7), r => Assert.Equal("a-audited", r.Target));
        Assert.Equal("閲覧 → 部署担当", rows[2].Detail);
        Assert.Equal("なし → 市民課", rows[3].Detail);
        Assert.Equal("令和6年度版", rows[7].Target);
        Assert.EndsWith("→ 2025-05-30", rows[7].Detail, StringComparison.Ordinal);
        Assert.Equal(rows.Count, app.Log.WithEventId(1201).Count(r => r["UserName"] == "a-kikaku" && r["ClientAddress"] == "10.9.0.1"));
    }

    [Fact]
    public async Task The_office_reads_the_log_newest_first_in_Japanese_and_filtered_by_action()
    {
        var office = await ClientForAsync("a-reader", AppRoles.PlanningOffice, "10.9.0.2");
        var id = await TestUsers.CreateAsync(app, "a-locked-twice", AppRoles.Viewer);
        foreach (var action in new[] { "lock", "unlock", "lock" })
        {
            await office.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/{action}", new Dictionary<string, string>());
        }

        var all = await office.GetDocumentAsync("/admin/audit");
        var locked = await office.GetDocumentAsync("/admin/audit?kind=UserLocked");

        var first = all.QuerySelector("table[data-audit] tbody tr")!;
        Assert.Equal("ロック", first.QuerySelector("[data-cell='action']")?.TextContent);
        Assert.Equal("a-locked-twice", first.QuerySelector("[data-cell='target']")?.TextContent);
        Assert.Equal("a-reader", first.QuerySelector("[data-cell='actor']")?.TextContent);
        Assert.Equal("10.9.0.2", first.QuerySelector("[data-cell='client']")?.TextContent);
        Assert.Equal("ロック解除", all.QuerySelectorAll("table[data-audit] tbody tr")[1].QuerySelector("[data-cell='action']")?.TextContent);
        Assert.All(locked.QuerySelectorAll("table[data-audit] tbody tr"), tr => Assert.Equal("UserLocked", tr.GetAttribute("data-action")));
        Assert.Equal("UserLocked", locked.QuerySelector("#kind option[selected]")?.GetAttribute("value"));
        Assert.NotNull(all.QuerySelector("nav a[href='/admin/audit']"));
    }

    [Fact]
    public async Task The_log_pages_by_fifty()
    {
        var office = await ClientForAsync("a-pager", AppRoles.PlanningOffice, "10.9.0.3");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            for (var i = 0; i < 120; i++)
            {
                audit.Record(AuditAction.UserUnlocked, $"a-page-{i:000}");
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var first = await office.GetDocumentAsync("/admin/audit?kind=UserUnlocked");
        var second = await office.GetDocumentAsync(first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!);

        Assert.Equal(50, first.QuerySelectorAll("table[data-audit] tbody tr").Length);
        Assert.Equal("a-page-119", first.QuerySelector("table[data-audit] tbody tr [data-cell='target']")?.TextContent);
        Assert.Equal("a-page-069", second.QuerySelector("table[data-audit] tbody tr [data-cell='target']")?.TextContent);
    }

    [Theory]
    [InlineData("a-editor", AppRoles.DepartmentEditor)]
    [InlineData("a-viewer", AppRoles.Viewer)]
    public async Task Only_the_planning_office_may_read_the_log_and_the_refusal_is_logged(string userName, string role)
    {
        var client = await ClientForAsync(userName, role, "10.9.0.4", role == AppRoles.DepartmentEditor ? ["市民課"] : []);

        var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("操作ログ</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logged = Assert.Single(app.Log.WithEventId(1101), r => r["UserName"] == userName);
        Assert.Equal("/admin/audit", logged["Path"]);
        Assert.Equal("10.9.0.4", logged["ClientAddress"]);
    }

    [Fact]
    public async Task Audit_events_cannot_be_changed_or_deleted()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Record(AuditAction.UserLocked, "a-immutable", "元の内容");
        await db.SaveChangesAsync();
        var entry = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();

        db.Entry(entry).Property(e => e.Detail).CurrentValue = "書き換えた内容";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == entry.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        Assert.Equal("元の内容", (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Detail);
    }

    [Fact]
    public async Task Failed_sign_ins_and_lockouts_are_logged_with_event_ids_address_and_request_id()
    {
        await TestUsers.CreateAsync(app, "a-victim", AppRoles.Viewer);
        var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        attacker.DefaultRequestHeaders.Add(AppFactory.ClientAddressHeader, "10.9.9.9");

        await attacker.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = "a-ghost", ["Password"] = "x-wrong-password" });
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = "a-victim", ["Password"] = "x-wrong-password" });
        }

        var failures = app.Log.WithEventId(1002).Where(r => r["ClientAddress"] == "10.9.9.9").ToList();
        Assert.Equal(6, failures.Count);
        Assert.Equal("UnknownUser", failures[0]["Reason"]);
        Assert.Equal("a-victim", failures[1]["UserName"]);
        Assert.All(failures, f => Assert.False(string.IsNullOrEmpty(f["RequestId"])));
        var lockout = Assert.Single(app.Log.WithEventId(1003), r => r["UserName"] == "a-victim");
        Assert.Equal("10.9.9.9", lockout["ClientAddress"]);
    }

    private async Task<long> MaxIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<List<AuditEvent>> EventsAfterAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Id > id && e.ActorName == "a-kikaku").OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
