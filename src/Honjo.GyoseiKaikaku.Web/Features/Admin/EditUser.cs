using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>A user's page and the change of display name, role and departments (which ends the user's sessions).</summary>
public sealed class EditUserHandler(
    AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, UserAdministration admin, TimeProvider clock)
{
    public async Task<EditUserViewModel?> EditAsync(string id, UserProfileRequest? form, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        form ??= new UserProfileRequest
        {
            DisplayName = user.DisplayName,
            Role = (await admin.RolesQuery([id]).ToListAsync(ct)).FirstOrDefault()?.Role,
            DepartmentIds = await db.Set<UserDepartment>().Where(d => d.UserId == id).Select(d => d.DepartmentId).ToArrayAsync(ct),
        };
        return new EditUserViewModel(
            user.Id, user.UserName ?? string.Empty, user.LockoutEnd > clock.GetUtcNow(), admin.IsSelf(actor, id), form, await admin.DepartmentOptionsAsync(ct));
    }

    public async Task<UseCaseResult<string>> UpdateAsync(string id, UserProfileRequest request, bool inputIsValid, ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UseCaseResult.NotFound<string>();
        }

        var currentRoles = await users.GetRolesAsync(user);
        var errors = await admin.ValidateProfileAsync(request, ct);
        var self = admin.IsSelf(actor, id);
        if (self && currentRoles.Contains(AppRoles.PlanningOffice) && request.Role != AppRoles.PlanningOffice)
        {
            errors.Add("自分自身の「企画課」の役割は外せません。必要な場合は、ほかの企画課の利用者に変更を依頼してください。");
        }

        if (!inputIsValid || errors.Count > 0)
        {
            return UseCaseResult.Invalid<string>(null, errors);
        }

        var role = request.Role!;
        var displayNameBefore = user.DisplayName;
        user.DisplayName = request.DisplayName.Trim();
        var wanted = UserAdministration.WantedDepartments(request);
        var bound = await db.Set<UserDepartment>().Where(d => d.UserId == id).ToListAsync(ct);
        var changes = new List<(AuditAction, string)>();
        if (displayNameBefore != user.DisplayName)
        {
            changes.Add((AuditAction.UserDisplayNameChanged, $"{displayNameBefore} → {user.DisplayName}"));
        }

        if (currentRoles.Count != 1 || currentRoles[0] != role)
        {
            changes.Add((AuditAction.UserRoleChanged, $"{string.Join("、", currentRoles.Select(AppRoles.DisplayName))} → {AppRoles.DisplayName(role)}"));
        }

        if (!wanted.SetEquals(bound.Select(d => d.DepartmentId)))
        {
            var before = await admin.DepartmentNamesAsync(bound.Select(d => d.DepartmentId), ct);
            var after = await admin.DepartmentNamesAsync(wanted, ct);
            changes.Add((AuditAction.UserDepartmentsChanged, $"{(before.Length > 0 ? before : "なし")} → {(after.Length > 0 ? after : "なし")}"));
        }

        db.RemoveRange(bound.Where(d => !wanted.Contains(d.DepartmentId)));
        db.AddRange(wanted.Except(bound.Select(d => d.DepartmentId)).Select(d => new UserDepartment { UserId = id, DepartmentId = d }));
        var obsoleteRoles = currentRoles.Where(r => r != role).ToList();

        var outcome = await admin.InTransactionAsync(
            user.UserName!,
            ct,
            () => users.UpdateAsync(user),
            () => obsoleteRoles.Count == 0 ? Task.FromResult(IdentityResult.Success) : users.RemoveFromRolesAsync(user, obsoleteRoles),
            () => currentRoles.Contains(role) ? Task.FromResult(IdentityResult.Success) : users.AddToRoleAsync(user, role),
            // Roles and departments travel in the cookie: a new stamp ends the user's sessions at once, so that a
            // removed right is gone now and the next sign-in carries the new ones (the 企画課's own session is refreshed).
            () => users.UpdateSecurityStampAsync(user),
            admin.Audited(user.UserName!, ct, [.. changes]));
        if (outcome.IsOk && self)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return outcome;
    }
}
