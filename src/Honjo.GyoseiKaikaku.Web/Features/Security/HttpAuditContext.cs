using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>The signed-in person and the request, for the audit log.</summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    public string? UserId => User?.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string UserName => User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? string.Empty : string.Empty;

    public string? ClientAddress => accessor.HttpContext?.ClientAddress();

    public string? RequestId => accessor.HttpContext?.RequestId();

    private ClaimsPrincipal? User => accessor.HttpContext?.User;
}
