using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>Identity's validation messages, in Japanese.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "処理できませんでした。もう一度お試しください。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "他の人がこの利用者を更新しました。画面を開き直してください。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "現在のパスワードが正しくありません。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"ユーザーID「{userName}」は使用できません。半角英数字と . _ - で入力してください。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"ユーザーID「{userName}」は既に使われています。");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"メールアドレス「{email}」は既に使われています。");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "パスワードには数字を1文字以上含めてください。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "パスワードには英小文字を1文字以上含めてください。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "パスワードには英大文字を1文字以上含めてください。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "パスワードには記号を1文字以上含めてください。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"パスワードには{uniqueChars}種類以上の文字を使ってください。");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"既に「{AppRoles.DisplayName(role)}」の役割です。");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "この利用者はロックできません。");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"「{AppRoles.DisplayName(role)}」の役割ではありません。");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"役割「{role}」は使用できません。");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"役割「{role}」は既にあります。");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "操作の有効期限が切れたか、正しくありません。画面を開き直してください。");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "この利用者には既にパスワードが設定されています。");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "この外部ログインは既にほかの利用者に関連付けられています。");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "回復用コードが正しくありません。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
