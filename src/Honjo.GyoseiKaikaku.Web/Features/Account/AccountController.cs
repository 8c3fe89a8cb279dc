using Honjo.GyoseiKaikaku.Web.Features.Security;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Account;

[Route("account")]
public sealed class AccountController(SignInHandler signIn, PasswordChangeHandler passwords) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginRequest { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    [PasswordAttempt(accountField: nameof(LoginRequest.UserName))]
    public async Task<IActionResult> Login([FromForm] LoginRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelState.IsValid)
        {
            return View(request with { Password = string.Empty });
        }

        if (await signIn.SignInAsync(request.UserName.Trim(), request.Password))
        {
            return LocalRedirect(Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, SignInHandler.FailureMessage);
        return View(request with { Password = string.Empty });
    }

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    [AllowedBeforePasswordChange]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync(User);
        return RedirectToAction(nameof(Login), new { signedOut = 1 });
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("password")]
    [AllowedBeforePasswordChange]
    public IActionResult Password() => View(new ChangePasswordRequest());

    [HttpPost("password")]
    [ValidateAntiForgeryToken]
    [AllowedBeforePasswordChange]
    [PasswordAttempt]
    public async Task<IActionResult> Password([FromForm] ChangePasswordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordRequest());
        }

        // Not UseCaseHttp: a locked account is sent to the sign-in page, and a refusal answers the page with 200 as
        // the sign-in form does (nothing about the account is told by a status code).
        var result = await passwords.ChangeAsync(User, request);
        switch (result.Status)
        {
            case UseCaseStatus.Ok:
                TempData["Notice"] = "パスワードを変更しました。ほかの端末やブラウザーでのサインインは終了しました。";
                return RedirectToAction(nameof(HomeController.Index), "Home");
            case UseCaseStatus.Forbidden:
                TempData["Notice"] = "現在のパスワードを続けて間違えたため、サインアウトしました。しばらく待ってからサインインし直してください。";
                return RedirectToAction(nameof(Login));
            default:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(string.Empty, error);
                }

                return View(new ChangePasswordRequest());
        }
    }
}
