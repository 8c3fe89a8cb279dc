using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>Accounts for tests, made through the application's own <see cref="UserManager{TUser}"/>.</summary>
public static class TestUsers
{
    /// <summary>
    /// The password of every test account; it satisfies the application's password policy (12+ characters, zxcvbn
    /// score 3). Test accounts are made directly, not by the 企画課, so they are never asked to change it.
    /// </summary>
    public const string Password = "Test-password-2024";

    /// <summary>
    /// Creates <paramref name="userName"/> with <paramref name="role"/> (an <see cref="AppRoles"/> name) bound to the
    /// named departments, with the address <c>userName@example.jp</c>, and returns its id. A user that already exists is returned unchanged.
    /// </summary>
    public static async Task<string> CreateAsync(WebApplicationFactory<Program> factory, string userName, string role, params string[] departmentNames)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing.Id;
        }

        var db = scope.ServiceProvider.Database();
        var user = new ApplicationUser { UserName = userName, DisplayName = $"{userName}（テスト）", Email = $"{userName}@example.jp", EmailConfirmed = true };
        foreach (var name in departmentNames)
        {
            var department = await db.Departments.SingleAsync(d => d.Name == name);
            user.Departments.Add(new UserDepartment { DepartmentId = department.Id });
        }

        Check(await users.CreateAsync(user, Password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        return user.Id;
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Test user '{userName}' could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
