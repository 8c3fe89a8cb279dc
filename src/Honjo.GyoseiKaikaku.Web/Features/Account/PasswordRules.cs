using Honjo.GyoseiKaikaku.Infrastructure.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

/// <summary>The password policy in words, for every form where a password is set.</summary>
public static class PasswordRules
{
    public static string Hint { get; } =
        $"{StrongPasswordValidator.MinimumLength}文字以上{StrongPasswordValidator.MaximumLength}文字以内。文字の種類の決まりはありません。"
        + "よく使われるパスワード、単語や数字の並び、ユーザーIDを含むものは使えません。無関係な言葉をいくつか組み合わせると、覚えやすく安全です。";
}
