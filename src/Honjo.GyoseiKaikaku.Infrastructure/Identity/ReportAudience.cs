using System.Globalization;
using System.Security.Claims;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>
/// Who may read a year-end report before the 企画課 has accepted it: the 企画課 reads every report, a 部署担当 the
/// reports of plans executed by one of the departments the user is bound to, everyone else (閲覧, anonymous visitors,
/// background work) accepted reports only. The one statement of the rule: the authorization handler asks
/// <see cref="CanRead"/>, and <see cref="Data.AppDbContext"/> applies the same rule to every query as a global filter,
/// so a search, a filter, a list or an export cannot see what the person may not read.
/// </summary>
public sealed record ReportAudience(bool ReadsAll, IReadOnlyList<int> DepartmentIds)
{
    /// <summary>Accepted reports only: what the public, the 閲覧 role and published files may see.</summary>
    public static ReportAudience AcceptedOnly { get; } = new(false, []);

    /// <summary>Every report, for work done on the 企画課's behalf.</summary>
    public static ReportAudience Everything { get; } = new(true, []);

    /// <summary>Whether a report of a plan executed by <paramref name="executingDepartmentIds"/> is readable before acceptance.</summary>
    public bool CanRead(IEnumerable<int> executingDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(executingDepartmentIds);
        return ReadsAll || executingDepartmentIds.Any(DepartmentIds.Contains);
    }

    public static ReportAudience For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return AcceptedOnly;
        }

        if (user.IsInRole(AppRoles.PlanningOffice))
        {
            return Everything;
        }

        if (!user.IsInRole(AppRoles.DepartmentEditor))
        {
            return AcceptedOnly;
        }

        var departments = user.FindAll(AppClaims.Department)
            .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .Order()
            .ToList();
        return new ReportAudience(false, departments);
    }
}

/// <summary>The audience of the current unit of work; the web application answers from the signed-in user.</summary>
public interface IReportAudienceProvider
{
    ReportAudience Current { get; }
}
