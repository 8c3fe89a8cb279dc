using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>The 企画課's 操作ログ: who created, changed, locked or reset which user, published an edition, moved the deadline.</summary>
[Authorize(Policy = Policies.PlanningOffice)]
[Route("admin/audit")]
public sealed class AuditController(AuditQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditListRequest request, CancellationToken ct) =>
        View("~/Features/Admin/Audit.cshtml", await query.ListAsync(request, ct));
}
