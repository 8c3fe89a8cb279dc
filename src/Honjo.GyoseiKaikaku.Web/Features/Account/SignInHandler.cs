using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Security;
using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

/// <summary>
/// Signs a person in with a password, telling nothing about the account: an unknown user, a wrong password, a
/// lockout and a lock by the 企画課 all get <see cref="FailureMessage"/>, and all cost one password hash (an unknown
/// or locked user's password is checked against a dummy hash), so neither the page nor its timing says which
/// accounts exist. The log says exactly what happened.
/// </summary>
public sealed class SignInHandler(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    IHttpContextAccessor http,
    ILogger<SignInHandler> logger)
{
    /// <summary>The one answer to every failed sign-in. A lock by the 企画課 used to be announced; now the last sentence covers it.</summary>
    public const string FailureMessage =
        "サインインできませんでした。ユーザーIDとパスワードを確かめて、もう一度お試しください。"
        + "続けて失敗すると、しばらくサインインできなくなります。解決しない場合は企画課にお問い合わせください。";

    private static readonly ApplicationUser DummyUser = new() { UserName = "-" };
    private static string? _dummyHash;

    public async Task<bool> SignInAsync(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var context = http.HttpContext!;
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            HashDummy(password);
            Failed(userName, SignInFailure.UnknownUser);
            return false;
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account before hashing anything; hash anyway so the answer takes as long.
            HashDummy(password);
            var stopped = user.LockoutEnd is { Year: 9999 };
            Failed(userName, stopped ? SignInFailure.StoppedByOffice : SignInFailure.LockedOut);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            SecurityLog.SignInSucceeded(logger, user.UserName!, context.ClientAddress(), context.RequestId());
            return true;
        }

        if (result.IsLockedOut)
        {
            SecurityLog.AccountLockedOut(logger, user.UserName!, "sign-in", context.ClientAddress(), context.RequestId());
        }

        Failed(userName, result.IsNotAllowed ? SignInFailure.NotAllowed : SignInFailure.WrongPassword);
        return false;
    }

    /// <summary>Sign-out ends every session of the user: a copied cookie must not outlive the sign-out.</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        var context = http.HttpContext!;
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            SecurityLog.SignedOut(logger, user.UserName!, context.ClientAddress(), context.RequestId());
        }

        await signIn.SignOutAsync();
    }

    private void HashDummy(string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N")));
        hasher.VerifyHashedPassword(DummyUser, hash, password);
    }

    private void Failed(string userName, SignInFailure reason)
    {
        var context = http.HttpContext!;
        SecurityLog.SignInFailed(logger, Infrastructure.Auditing.SecurityEvents.Safe(userName), reason, context.ClientAddress(), context.RequestId());
    }
}
