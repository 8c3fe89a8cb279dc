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
    public async Task<IActionResult> Plans([FromQuery] string? year, [FromQuery] int? department, CancellationToken ct)
    {
        // The 企画課 has no plans of its own; it opens a department's page from the progress board (?department=ID).
        if (department is null && User.IsInRole(AppRoles.PlanningOffice) && !User.IsInRole(AppRoles.DepartmentEditor))
        {
            return RedirectToAction(nameof(Progress.ProgressController.Index), "Progress");
        }

        var model = await query.HandleAsync(year, department, User, ct);
        return model is null ? NotFound() : model.Forbidden ? this.Forbidden() : View(model);
    }
}
