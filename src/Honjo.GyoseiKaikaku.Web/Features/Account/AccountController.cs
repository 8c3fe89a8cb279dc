using System.ComponentModel.DataAnnotations;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

public sealed record LoginRequest
{
    [Required(ErrorMessage = "ユーザーIDを入力してください。")]
    [StringLength(100, ErrorMessage = "ユーザーIDは100文字以内で入力してください。")]
    [Display(Name = "ユーザーID")]
    public string UserName { get; init; } = string.Empty;

    [Required(ErrorMessage = "パスワードを入力してください。")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    [Display(Name = "パスワード")]
    public string Password { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordRequest
{
    [Required(ErrorMessage = "現在のパスワードを入力してください。")]
    [DataType(DataType.Password)]
    [Display(Name = "現在のパスワード")]
    public string CurrentPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "新しいパスワードを入力してください。")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "新しいパスワードは10文字以上にしてください。")]
    [DataType(DataType.Password)]
    [Display(Name = "新しいパスワード")]
    public string NewPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "確認のため新しいパスワードをもう一度入力してください。")]
    [Compare(nameof(NewPassword), ErrorMessage = "確認用のパスワードが一致しません。")]
    [DataType(DataType.Password)]
    [Display(Name = "新しいパスワード（確認）")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

[Route("account")]
public sealed class AccountController(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginRequest { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login([FromForm] LoginRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelState.IsValid)
        {
            return View(request with { Password = string.Empty });
        }

        var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, !result.IsLockedOut
            ? "ユーザーIDまたはパスワードが正しくありません。"
            : await IsStoppedByOfficeAsync(request.UserName.Trim())
                ? "このアカウントは企画課により利用停止されています。必要な場合は企画課に解除を依頼してください。"
                : "サインインに続けて失敗したため、このアカウントは一時的にロックされています。15分ほど待ってから再度お試しいただくか、企画課に解除を依頼してください。");
        return View(request with { Password = string.Empty });
    }

    /// <summary>A lock far beyond the 15-minute lockout was set by the 企画課 in 利用者管理, not by failed attempts.</summary>
    private async Task<bool> IsStoppedByOfficeAsync(string userName) =>
        await users.FindByNameAsync(userName) is { LockoutEnd: { } end } && end > DateTimeOffset.UtcNow.AddDays(1);

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/login?signedOut=1");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordRequest());

    [HttpPost("password")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Password([FromForm] ChangePasswordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordRequest());
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(new ChangePasswordRequest());
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "パスワードを変更しました。";
        return Redirect("/");
    }
}
