using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.My;

[Route("my")]
[Authorize(Policy = Policies.ReportEditor)]
public sealed class MyController(MyPlansQuery query) : Controller
{
    [HttpGet("plans")]
    public async Task<IActionResult> Plans([FromQuery] string? year, CancellationToken ct)
    {
        if (User.IsInRole(AppRoles.PlanningOffice) && !User.IsInRole(AppRoles.DepartmentEditor))
        {
            return Redirect("/progress");
        }

        var model = await query.HandleAsync(year, User, ct);
        return model is null ? NotFound() : View(model);
    }
}
