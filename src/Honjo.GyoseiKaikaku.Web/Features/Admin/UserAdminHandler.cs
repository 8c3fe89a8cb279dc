using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>
/// The 企画課's user administration. Changes go through <see cref="UserManager{TUser}"/> (password policy, Japanese
/// messages, security stamp) inside one transaction; a changed user's cookie is refreshed through the security stamp.
/// Every change is written to the audit log in the same transaction. A password the 企画課 sets (new user, reset)
/// must be changed by its owner at the next sign-in.
/// </summary>
public sealed class UserAdminHandler(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<UserListViewModel> ListAsync(UserListRequest request, CancellationToken ct)
    {
        var q = request.Q?.Trim();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(q))
        {
            var normalized = users.NormalizeName(q);
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var found = await query.OrderBy(u => u.UserName).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await RolesQuery(ids).ToListAsync(ct);
        var departments = await (
                from ud in db.Set<UserDepartment>()
                join d in db.Departments on ud.DepartmentId equals d.Id
                where ids.Contains(ud.UserId)
                orderby d.SortOrder
                select new { ud.UserId, d.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = found.Select(u => new UserListRow(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => AppRoles.DisplayName(r.Role)).ToList(),
                departments.Where(d => d.UserId == u.Id).Select(d => d.Name).ToList(),
                u.LockoutEnd > now))
            .ToList();
        return new UserListViewModel(q, rows, total, page, pageCount);
    }

    public async Task<NewUserViewModel> NewAsync(CreateUserRequest form, CancellationToken ct) =>
        new(form, await DepartmentOptionsAsync(ct));

    /// <summary>
    /// Reports the handler's own errors even when the request failed its attribute validation
    /// (<paramref name="inputIsValid"/> false), so the form shows every problem at once.
    /// </summary>
    public async Task<UserCommandResult> CreateAsync(CreateUserRequest request, bool inputIsValid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = new ApplicationUser
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName?.Trim() ?? string.Empty,
            EmailConfirmed = true,
            MustChangePassword = true,
        };
        var errors = await ValidateProfileAsync(request, ct);
        if (!string.IsNullOrEmpty(request.UserName) && await users.FindByNameAsync(request.UserName) is not null)
        {
            errors.Add(users.ErrorDescriber.DuplicateUserName(request.UserName).Description);
        }

        if (!string.IsNullOrEmpty(request.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, request.Password);
                errors.AddRange(result.Errors.Select(e => e.Description));
            }
        }

        if (!inputIsValid || errors.Count > 0)
        {
            return UserCommandResult.Invalid(errors);
        }

        foreach (var id in WantedDepartments(request))
        {
            user.Departments.Add(new UserDepartment { DepartmentId = id });
        }

        var departments = await DepartmentNamesAsync(WantedDepartments(request), ct);
        return await InTransactionAsync(
            user.UserName,
            ct,
            () => users.CreateAsync(user, request.Password),
            () => users.AddToRoleAsync(user, request.Role!),
            Audited(
                user.UserName,
                ct,
                (AuditAction.UserCreated, $"表示名：{user.DisplayName}、役割：{AppRoles.DisplayName(request.Role!)}"
                    + (departments.Length > 0 ? $"、担当部署：{departments}" : string.Empty))));
    }

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
            Role = (await RolesQuery([id]).ToListAsync(ct)).FirstOrDefault()?.Role,
            DepartmentIds = await db.Set<UserDepartment>().Where(d => d.UserId == id).Select(d => d.DepartmentId).ToArrayAsync(ct),
        };
        return new EditUserViewModel(
            user.Id, user.UserName ?? string.Empty, user.LockoutEnd > clock.GetUtcNow(), IsSelf(actor, id), form, await DepartmentOptionsAsync(ct));
    }

    public async Task<UserCommandResult> UpdateAsync(string id, UserProfileRequest request, bool inputIsValid, ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        var currentRoles = await users.GetRolesAsync(user);
        var errors = await ValidateProfileAsync(request, ct);
        var self = IsSelf(actor, id);
        if (self && currentRoles.Contains(AppRoles.PlanningOffice) && request.Role != AppRoles.PlanningOffice)
        {
            errors.Add("自分自身の「企画課」の役割は外せません。必要な場合は、ほかの企画課の利用者に変更を依頼してください。");
        }

        if (!inputIsValid || errors.Count > 0)
        {
            return UserCommandResult.Invalid(errors);
        }

        var role = request.Role!;
        var displayNameBefore = user.DisplayName;
        user.DisplayName = request.DisplayName.Trim();
        var wanted = WantedDepartments(request);
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
            var before = await DepartmentNamesAsync(bound.Select(d => d.DepartmentId), ct);
            var after = await DepartmentNamesAsync(wanted, ct);
            changes.Add((AuditAction.UserDepartmentsChanged, $"{(before.Length > 0 ? before : "なし")} → {(after.Length > 0 ? after : "なし")}"));
        }

        db.RemoveRange(bound.Where(d => !wanted.Contains(d.DepartmentId)));
        db.AddRange(wanted.Except(bound.Select(d => d.DepartmentId)).Select(d => new UserDepartment { UserId = id, DepartmentId = d }));
        var obsoleteRoles = currentRoles.Where(r => r != role).ToList();

        var outcome = await InTransactionAsync(
            user.UserName!,
            ct,
            () => users.UpdateAsync(user),
            () => obsoleteRoles.Count == 0 ? Task.FromResult(IdentityResult.Success) : users.RemoveFromRolesAsync(user, obsoleteRoles),
            () => currentRoles.Contains(role) ? Task.FromResult(IdentityResult.Success) : users.AddToRoleAsync(user, role),
            // Roles and departments travel in the cookie: a new stamp ends the user's sessions at once, so that a
            // removed right is gone now and the next sign-in carries the new ones (the 企画課's own session is refreshed).
            () => users.UpdateSecurityStampAsync(user),
            Audited(user.UserName!, ct, [.. changes]));
        if (outcome.Outcome == UserCommandOutcome.Done && self)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return outcome;
    }

    public async Task<UserCommandResult> LockAsync(string id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (IsSelf(actor, id))
        {
            return UserCommandResult.Invalid(["自分自身はロックできません。"]);
        }

        return await InTransactionAsync(
            user.UserName!,
            ct,
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            // Ends the sessions the user already has.
            () => users.UpdateSecurityStampAsync(user),
            Audited(user.UserName!, ct, (AuditAction.UserLocked, "企画課によるロック（解除されるまでサインインできません）")));
    }

    public async Task<UserCommandResult> UnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        return user is null
            ? UserCommandResult.NotFound
            : await InTransactionAsync(
                user.UserName!,
                ct,
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user),
                Audited(user.UserName!, ct, (AuditAction.UserUnlocked, string.Empty)));
    }

    public async Task<UserCommandResult> ResetPasswordAsync(string id, ResetPasswordRequest request, bool inputIsValid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserCommandResult.NotFound;
        }

        if (!inputIsValid)
        {
            return UserCommandResult.Invalid([]);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);

        // The new password is the 企画課's; its owner must replace it at the next sign-in. The reset also gives the
        // user a new security stamp, which ends every session the user has.
        user.MustChangePassword = true;
        return await InTransactionAsync(
            user.UserName!,
            ct,
            () => users.ResetPasswordAsync(user, token, request.NewPassword),
            Audited(user.UserName!, ct, (AuditAction.PasswordReset, "仮のパスワードを設定（次回サインイン時に変更が必要）")));
    }

    private async Task<List<string>> ValidateProfileAsync(UserProfileRequest request, CancellationToken ct)
    {
        var errors = new List<string>();
        if (request.Role is null || !AppRoles.All.Contains(request.Role))
        {
            errors.Add("役割を選んでください。");
        }
        else if (request.Role == AppRoles.DepartmentEditor)
        {
            var ids = request.DepartmentIds.Distinct().ToList();
            if (ids.Count == 0)
            {
                errors.Add("部署担当には、担当する部署を1つ以上選んでください。");
            }
            else if (await db.Departments.CountAsync(d => ids.Contains(d.Id), ct) != ids.Count)
            {
                errors.Add("選んだ部署の中に、登録されていない部署があります。");
            }
            else if (await db.Departments.Where(d => ids.Contains(d.Id) && d.SuccessorId != null).Select(d => d.Name).FirstOrDefaultAsync(ct) is { } replaced)
            {
                errors.Add($"「{replaced}」は組織改正で別の部署になっています。新しい部署を選んでください。");
            }
        }

        return errors;
    }

    /// <summary>Only a 部署担当 is bound to departments; for the other roles a selection is ignored.</summary>
    private static HashSet<int> WantedDepartments(UserProfileRequest request) =>
        request.Role == AppRoles.DepartmentEditor ? [.. request.DepartmentIds] : [];

    private bool IsSelf(ClaimsPrincipal actor, string id) => users.GetUserId(actor) == id;

    private IQueryable<UserRole> RolesQuery(IReadOnlyCollection<string> userIds) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where userIds.Contains(ur.UserId)
        orderby r.Name
        select new UserRole(ur.UserId, r.Name!);

    private async Task<string> DepartmentNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var names = await db.Departments.AsNoTracking().Where(d => list.Contains(d.Id)).OrderBy(d => d.SortOrder).Select(d => d.Name).ToListAsync(ct);
        return string.Join("、", names);
    }

    /// <summary>The last step of a change: its audit records, saved inside the change's transaction.</summary>
    private Func<Task<IdentityResult>> Audited(string target, CancellationToken ct, params (AuditAction Action, string Detail)[] events) => async () =>
    {
        foreach (var (action, detail) in events)
        {
            audit.Record(action, target, detail);
        }

        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    };

    private Task<List<DepartmentOption>> DepartmentOptionsAsync(CancellationToken ct) =>
        db.Departments.AsNoTracking().Current().Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct);

    /// <summary>Runs the Identity steps in order, each saving, and commits only when all of them succeeded.</summary>
    private async Task<UserCommandResult> InTransactionAsync(string userName, CancellationToken ct, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return UserCommandResult.Invalid(result.Errors.Select(e => e.Description).ToList());
            }
        }

        await transaction.CommitAsync(ct);
        return UserCommandResult.Done(userName);
    }

    private sealed record UserRole(string UserId, string Role);
}
