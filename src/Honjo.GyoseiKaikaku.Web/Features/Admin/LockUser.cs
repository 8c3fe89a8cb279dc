using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>The 企画課 locks a user (never itself) until unlocked; the user's sessions end at once.</summary>
public sealed class LockUserHandler(UserManager<ApplicationUser> users, UserAdministration admin)
{
    public async Task<UseCaseResult<string>> LockAsync(string id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UseCaseResult.NotFound<string>();
        }

        if (admin.IsSelf(actor, id))
        {
            return UseCaseResult.Invalid<string>(null, ["自分自身はロックできません。"]);
        }

        return await admin.InTransactionAsync(
            user.UserName!,
            ct,
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            // Ends the sessions the user already has.
            () => users.UpdateSecurityStampAsync(user),
            admin.Audited(user.UserName!, ct, (AuditAction.UserLocked, "企画課によるロック（解除されるまでサインインできません）")));
    }
}

/// <summary>The 企画課 unlocks a user (locked by it, or by failed passwords).</summary>
public sealed class UnlockUserHandler(UserManager<ApplicationUser> users, UserAdministration admin)
{
    public async Task<UseCaseResult<string>> UnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        return user is null
            ? UseCaseResult.NotFound<string>()
            : await admin.InTransactionAsync(
                user.UserName!,
                ct,
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user),
                admin.Audited(user.UserName!, ct, (AuditAction.UserUnlocked, string.Empty)));
    }
}
