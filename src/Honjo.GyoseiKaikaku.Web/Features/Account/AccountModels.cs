using System.ComponentModel.DataAnnotations;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

public sealed record LoginRequest
{
    /// <summary>Longer than any password the policy lets anyone set; beyond it nothing is hashed.</summary>
    public const int PasswordInputLimit = 200;

    [Required(ErrorMessage = "ユーザーIDを入力してください。")]
    [StringLength(100, ErrorMessage = "ユーザーIDは{1}文字以内で入力してください。")]
    [Display(Name = "ユーザーID")]
    public string UserName { get; init; } = string.Empty;

    [Required(ErrorMessage = "パスワードを入力してください。")]
    [StringLength(PasswordInputLimit, ErrorMessage = "パスワードは{1}文字以内で入力してください。")]
    [DataType(DataType.Password)]
    [Display(Name = "パスワード")]
    public string Password { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordRequest
{
    [Required(ErrorMessage = "現在のパスワードを入力してください。")]
    [StringLength(LoginRequest.PasswordInputLimit, ErrorMessage = "現在のパスワードは{1}文字以内で入力してください。")]
    [DataType(DataType.Password)]
    [Display(Name = "現在のパスワード")]
    public string CurrentPassword { get; init; } = string.Empty;

    /// <summary>The minimum length and the lists are the password policy's (StrongPasswordValidator), with its messages.</summary>
    [Required(ErrorMessage = "新しいパスワードを入力してください。")]
    [StringLength(StrongPasswordValidator.MaximumLength, ErrorMessage = "新しいパスワードは{1}文字以内で入力してください。")]
    [DataType(DataType.Password)]
    [Display(Name = "新しいパスワード")]
    public string NewPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "確認のため新しいパスワードをもう一度入力してください。")]
    [Compare(nameof(NewPassword), ErrorMessage = "確認用のパスワードが一致しません。")]
    [DataType(DataType.Password)]
    [Display(Name = "新しいパスワード（確認）")]
    public string ConfirmPassword { get; init; } = string.Empty;
}
