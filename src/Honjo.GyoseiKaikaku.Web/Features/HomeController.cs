using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() =>
        User.IsInRole(Infrastructure.Identity.AppRoles.DepartmentEditor) ? Redirect("/my/plans") : Redirect("/plans");

    // Any method, no token check: a POST that ends in 404 is re-executed here as that POST; a GET-only action answers 405.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/error/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        var feature = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Response.StatusCode = code;
        ViewData["Title"] = code switch
        {
            404 => "ページが見つかりません",
            403 => "アクセスできません",
            400 => "リクエストが正しくありません",
            413 => "ファイルが大きすぎます",
            _ => "エラーが発生しました",
        };
        return View("~/Features/Shared/Error.cshtml", new ErrorViewModel(code, feature?.OriginalPath));
    }
}

public sealed record ErrorViewModel(int StatusCode, string? OriginalPath);
