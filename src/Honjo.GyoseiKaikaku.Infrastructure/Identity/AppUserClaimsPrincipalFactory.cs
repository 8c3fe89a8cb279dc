using System.Globalization;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>
/// Puts the user's departments (with the ones they succeeded) and display name into the sign-in cookie, so checks need
/// no query.
/// </summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var own = await db.Set<UserDepartment>().Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync();
        var successions = own.Count == 0
            ? []
            : await db.Departments.Where(d => d.SuccessorId != null).Select(d => new { d.Id, d.SuccessorId }).ToListAsync();

        // A department's staff keep the records of the departments it succeeded (組織改正, ADR 0016).
        var departments = Department.WithPredecessors(own, successions.Select(s => (s.Id, s.SuccessorId))).Order();
        foreach (var id in departments)
        {
            identity.AddClaim(new Claim(AppClaims.Department, id.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }

        identity.AddClaim(new Claim(AppClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName));
        return identity;
    }
}
