using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Honjo.GyoseiKaikaku.Web.Features;

public sealed class HomeController : Controller
{
    /// <summary>
    /// The start page of the person's role: the 企画課's inbox (reports waiting for review, returned, late departments),
    /// a department's plans with what to do next, the summary for 閲覧.
    /// </summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(
        [FromQuery] string? year,
        [FromQuery] int? department,
        [FromServices] Start.InboxQuery inbox,
        [FromServices] Start.StartPageQuery start,
        CancellationToken ct)
    {
        if (User.IsInRole(Infrastructure.Identity.AppRoles.PlanningOffice))
        {
            var model = await inbox.HandleAsync(year, department, ct);
            return model is null ? NotFound() : View("~/Features/Start/Office.cshtml", model);
        }

        if (User.IsInRole(Infrastructure.Identity.AppRoles.DepartmentEditor))
        {
            var model = await start.HandleAsync(year, User, ct);
            return model is null ? NotFound() : View("~/Features/Start/Editor.cshtml", model);
        }

        return RedirectToAction(nameof(Summary.SummaryController.Index), "Summary");
    }

    // Any method, no token check: a POST that ends in 404 is re-executed here as that POST; a GET-only action answers 405.
    // Only real error codes (4xx/5xx with a name) are answered as such: /error/101 would switch protocols and
    // /error/204 cannot carry a page; anything else is the 404 page.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/error/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> Error(int? status, [FromServices] Shared.NotInEditionQuery notInEdition, CancellationToken ct)
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
        // A 404 about an edition (a plan not in it, a ?year= naming none) says where to look; only to the signed-in,
        // who may see which editions there are.
        var missing = code == StatusCodes.Status404NotFound && feature is not null && User.Identity?.IsAuthenticated == true
            ? await notInEdition.HandleAsync(feature.OriginalPathBase + feature.OriginalPath, feature.OriginalQueryString, HttpContext.Features.Get<Shared.MissingPlanFeature>()?.Number, ct)
            : null;
        return View("~/Features/Shared/Error.cshtml", new ErrorViewModel(code, feature?.OriginalPath ?? Request.Path.Value) { NotInEdition = missing });
    }
}

public sealed record ErrorViewModel(int StatusCode, string? OriginalPath)
{
    /// <summary>Set when the 404 is about an edition: the page links to the editions to look in instead.</summary>
    public Shared.NotInEditionModel? NotInEdition { get; init; }
}
