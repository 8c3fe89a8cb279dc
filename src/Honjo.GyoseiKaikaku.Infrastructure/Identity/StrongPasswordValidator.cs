using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>
/// The password policy beyond Identity's length check (ASVS 4.0 V2.1, level 2): no composition rules, but at most
/// <see cref="MaximumLength"/> characters, never the user's own ID, and nothing that zxcvbn's lists of common
/// passwords, names, words, keyboard rows, sequences and dates rate below "safely unguessable" (score 3 of 4).
/// Composition rules are gone on purpose: they push people to <c>Password1</c>, which the lists catch instead.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>The shortest password Identity accepts (configured in the web project's Identity options).</summary>
    public const int MinimumLength = 12;

    /// <summary>ASVS asks that at least 64 characters be allowed; beyond 128 nothing is gained.</summary>
    public const int MaximumLength = 128;

    /// <summary>zxcvbn's score below which a password is refused: 3 means "safely unguessable" (about 10^8 guesses and up).</summary>
    public const int MinimumScore = 3;

    /// <summary>
    /// zxcvbn's matching grows much faster than the length (a 200-character random string took a second, 1,000
    /// characters eleven), so only this many leading characters are rated. A long tail only adds strength.
    /// </summary>
    public const int RatedLength = 64;

    public const string TooLongCode = "PasswordTooLong";
    public const string ContainsUserNameCode = "PasswordContainsUserName";
    public const string TooGuessableCode = "PasswordTooGuessable";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(Validate(password ?? string.Empty, user.UserName, user.DisplayName));
    }

    /// <summary>The checks on their own, for the tests and for any caller without a <see cref="UserManager{TUser}"/>.</summary>
    public static IdentityResult Validate(string password, string? userName, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaximumLength)
        {
            return IdentityResult.Failed(new IdentityError { Code = TooLongCode, Description = $"パスワードは{MaximumLength}文字以内にしてください。" });
        }

        if (password.Length == 0)
        {
            // Identity's own validator reports the length.
            return IdentityResult.Success;
        }

        if (!string.IsNullOrWhiteSpace(userName) && password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return IdentityResult.Failed(new IdentityError { Code = ContainsUserNameCode, Description = "パスワードにユーザーIDを含めないでください。" });
        }

        var inputs = new[] { userName, displayName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToArray();
        var rated = password.Length > RatedLength ? password[..RatedLength] : password;
        if (Zxcvbn.Zxcvbn.MatchPassword(rated, inputs).Score < MinimumScore)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = TooGuessableCode,
                Description = "推測されやすいパスワードです。よく使われるパスワードや単語、キーボードの並び（qwerty など）、"
                    + "連続した数字や日付を避け、無関係な言葉をいくつか組み合わせた長めのパスワードにしてください。",
            });
        }

        return IdentityResult.Success;
    }
}
