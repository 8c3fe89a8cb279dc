using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>
/// The answer of a menu page when the person may read no edition at all: a 審議会委員 before the first 計画の公表
/// (ADR 0029) is told so on the page the menu offered, rather than sent a 404. A named edition stays a 404.
/// </summary>
public static class NothingPublished
{
    public static IActionResult NotFoundOrNothingPublished(this Controller controller, string? year)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (string.IsNullOrWhiteSpace(year) && Council.CouncilSetup.SeesPublishedEditionsOnly(controller.User))
        {
            controller.ViewData["Title"] = "公表された版はまだありません";
            return controller.View("~/Features/Shared/NothingPublished.cshtml");
        }

        return controller.NotFound();
    }
}
