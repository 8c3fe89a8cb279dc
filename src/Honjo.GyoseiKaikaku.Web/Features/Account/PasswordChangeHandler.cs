using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Security;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

/// <summary>
/// A person changes their own password. A wrong current password counts toward the lockout like a failed sign-in
/// (someone at an unattended, signed-in screen must not get unlimited guesses); reaching it ends every session of the
/// account. A successful change gives the account a new security stamp, which ends every other session, keeps
/// this one, and clears the obligation to change a password set by the 企画課.
/// Answers Ok when changed, Invalid with the reasons when refused, and Forbidden when too many wrong current passwords
/// locked the account (every session, this one included, has ended).
/// </summary>
public sealed class PasswordChangeHandler(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IHttpContextAccessor http,
    ILogger<PasswordChangeHandler> logger)
{
    public const string SameAsCurrentMessage = "新しいパスワードには、現在のパスワードと違うものを設定してください。";

    public async Task<UseCaseResult<Done>> ChangeAsync(ClaimsPrincipal principal, ChangePasswordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = http.HttpContext!;
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return UseCaseResult.Forbidden<Done>();
        }

        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            if (!await users.IsLockedOutAsync(user))
            {
                await users.AccessFailedAsync(user);
            }

            if (await users.IsLockedOutAsync(user))
            {
                SecurityLog.AccountLockedOut(logger, user.UserName!, "password change", context.ClientAddress(), context.RequestId());
                await users.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
                return UseCaseResult.Forbidden<Done>();
            }

            SecurityLog.PasswordChangeRefused(logger, user.UserName!, "wrong current password", context.ClientAddress(), context.RequestId());
            return UseCaseResult.Invalid<Done>(default, users.ErrorDescriber.PasswordMismatch().Description);
        }

        if (string.Equals(request.CurrentPassword, request.NewPassword, StringComparison.Ordinal))
        {
            return UseCaseResult.Invalid<Done>(default, SameAsCurrentMessage);
        }

        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            SecurityLog.PasswordChangeRefused(logger, user.UserName!, "new password refused by the policy", context.ClientAddress(), context.RequestId());
            return UseCaseResult.Invalid<Done>(default, result.Errors.Select(e => e.Description).ToList());
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        SecurityLog.PasswordChanged(logger, user.UserName!, context.ClientAddress(), context.RequestId());
        return UseCaseResult.Ok(Done.Value);
    }
}
