using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Honjo.GyoseiKaikaku.Web.Features;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() =>
        User.IsInRole(Infrastructure.Identity.AppRoles.DepartmentEditor) ? Redirect("/my/plans") : Redirect("/plans");

    // Any method, no token check: a POST that ends in 404 is re-executed here as that POST; a GET-only action answers 405.
    // Only real error codes (4xx/5xx with a name) are answered as such: /error/101 would switch protocols and
    // /error/204 cannot carry a page; anything else is the 404 page.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/error/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        if (code is < 400 or > 599 || string.IsNullOrEmpty(ReasonPhrases.GetReasonPhrase(code)))
        {
            code = StatusCodes.Status404NotFound;
        }

        var feature = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Response.StatusCode = code;
        ViewData["Title"] = code switch
        {
            404 => "ページが見つかりません",
            403 => "アクセスできません",
            400 => "リクエストが正しくありません",
            413 => "ファイルが大きすぎます",
            429 => "しばらくお待ちください",
            _ => "エラーが発生しました",
        };
        return View("~/Features/Shared/Error.cshtml", new ErrorViewModel(code, feature?.OriginalPath ?? Request.Path.Value));
    }
}

public sealed record ErrorViewModel(int StatusCode, string? OriginalPath);
