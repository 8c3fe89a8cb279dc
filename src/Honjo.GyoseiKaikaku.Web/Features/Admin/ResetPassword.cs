using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>The 企画課 sets a new password its owner must change at the next sign-in; every session of the user ends.</summary>
public sealed class ResetPasswordHandler(UserManager<ApplicationUser> users, UserAdministration admin)
{
    public async Task<UseCaseResult<string>> ResetPasswordAsync(string id, ResetPasswordRequest request, bool inputIsValid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UseCaseResult.NotFound<string>();
        }

        if (!inputIsValid)
        {
            return UseCaseResult.Invalid<string>(null, []);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);

        // The new password is the 企画課's; its owner must replace it at the next sign-in. The reset also gives the
        // user a new security stamp, which ends every session the user has.
        user.MustChangePassword = true;
        return await admin.InTransactionAsync(
            user.UserName!,
            ct,
            () => users.ResetPasswordAsync(user, token, request.NewPassword),
            admin.Audited(user.UserName!, ct, (AuditAction.PasswordReset, "仮のパスワードを設定（次回サインイン時に変更が必要）")));
    }
}
