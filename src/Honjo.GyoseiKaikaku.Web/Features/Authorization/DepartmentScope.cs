using System.Security.Claims;

namespace Honjo.GyoseiKaikaku.Web.Features.Authorization;

/// <summary>
/// Which departments a request acts for: the one asked for — any for the 企画課, one of their own for a 部署担当 —
/// else the user's own departments.
/// </summary>
public static class DepartmentScope
{
    /// <summary>The departments, or null when the user may not act for the department asked for.</summary>
    public static IReadOnlyList<int>? Resolve(ClaimsPrincipal user, int? requested)
    {
        ArgumentNullException.ThrowIfNull(user);
        var own = user.DepartmentIds();
        if (requested is not { } id)
        {
            return own.Order().ToList();
        }

        return user.ActsFor(id) ? [id] : null;
    }
}
