using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>
/// The roles (always) and, in Development only, the demo accounts: kikaku (企画課), shimin (市民課), joho
/// (情報システム課), kanri (閲覧) and shingikai (審議会委員), all with the password of configuration key <c>DemoAccounts:Password</c>
/// and the address <c>userName@example.jp</c> for notice mails.
/// </summary>
public sealed class DemoAccounts(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<DemoAccounts> logger)
{
    public const string PasswordKey = "DemoAccounts:Password";

    private static readonly (string UserName, string DisplayName, string Role, string? Department)[] Accounts =
    [
        ("kikaku", "企画課 担当者", AppRoles.PlanningOffice, null),
        ("shimin", "市民課 担当者", AppRoles.DepartmentEditor, "市民課"),
        ("joho", "情報システム課 担当者", AppRoles.DepartmentEditor, "情報システム課"),
        ("kanri", "管理職", AppRoles.Viewer, null),
        ("shingikai", "審議会 委員", AppRoles.CouncilMember, null),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task EnsureDemoAccountsAsync()
    {
        var password = configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("{Key} is not set; no demo accounts are created.", PasswordKey);
            return;
        }

        foreach (var (userName, displayName, role, departmentName) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                // Demo accounts made before notices had no address.
                if (string.IsNullOrEmpty(existing.Email))
                {
                    existing.Email = $"{userName}@example.jp";
                    existing.NormalizedEmail = existing.Email.ToUpperInvariant();
                    await users.UpdateAsync(existing);
                }

                continue;
            }

            var user = new ApplicationUser { UserName = userName, DisplayName = displayName, Email = $"{userName}@example.jp", EmailConfirmed = true };
            if (departmentName is not null)
            {
                var department = await db.Departments.SingleAsync(d => d.Name == departmentName);
                user.Departments.Add(new UserDepartment { DepartmentId = department.Id });
            }

            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo account '{userName}' could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            logger.LogInformation("Created demo account {UserName} ({Role}).", userName, AppRoles.DisplayName(role));
        }
    }
}
