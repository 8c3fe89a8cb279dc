using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>
/// Who may see which opinion — the one statement of the rule, used by every council query (ADR 0029):
/// the 企画課 sees every opinion handed in (never a member's draft); a member sees their own opinions (drafts too);
/// a department editor the opinions forwarded to one of their departments; once the edition's table is published,
/// everyone signed in also sees its accepted opinions and responses.
/// </summary>
public static class CouncilAccess
{
    private static readonly CouncilOpinionStatus[] HandedIn =
    [
        CouncilOpinionStatus.Submitted, CouncilOpinionStatus.Forwarded, CouncilOpinionStatus.Answered,
        CouncilOpinionStatus.Returned, CouncilOpinionStatus.Accepted,
    ];

    private static readonly CouncilOpinionStatus[] Forwarded =
    [
        CouncilOpinionStatus.Forwarded, CouncilOpinionStatus.Answered, CouncilOpinionStatus.Returned, CouncilOpinionStatus.Accepted,
    ];

    public static CouncilActor ToCouncilActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new CouncilActor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            user.DisplayName(),
            user.IsInRole(AppRoles.CouncilMember),
            user.IsInRole(AppRoles.PlanningOffice),
            user.IsInRole(AppRoles.DepartmentEditor) ? [.. user.DepartmentIds()] : []);
    }

    /// <summary>The opinions <paramref name="actor"/> may see; <paramref name="tablePublished"/>: the edition's table is public.</summary>
    public static IQueryable<CouncilOpinion> VisibleTo(this IQueryable<CouncilOpinion> opinions, CouncilActor actor, bool tablePublished)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.UserId;
        var departments = actor.DepartmentIds.ToList();
        var office = actor.IsPlanningOffice;
        var member = actor.IsMember;
        return opinions.Where(o =>
            (office && HandedIn.Contains(o.Status))
            || (member && o.AuthorId == userId)
            || (departments.Count > 0 && Forwarded.Contains(o.Status) && o.Departments.Any(d => departments.Contains(d.DepartmentId)))
            || (tablePublished && o.Status == CouncilOpinionStatus.Accepted));
    }

    /// <summary>The same rule for one loaded opinion.</summary>
    public static bool CanSee(this CouncilActor actor, CouncilOpinion opinion, bool tablePublished)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(opinion);
        return (actor.IsPlanningOffice && HandedIn.Contains(opinion.Status))
            || opinion.IsWrittenBy(actor)
            || opinion.IsForwardedTo(actor)
            || (tablePublished && opinion.Status == CouncilOpinionStatus.Accepted);
    }

    /// <summary>Whether the author's name is shown: to the 企画課 and to the author; the department and the table print none.</summary>
    public static bool SeesAuthor(this CouncilActor actor, CouncilOpinion opinion) =>
        actor.IsPlanningOffice || opinion.IsWrittenBy(actor);

    /// <summary>Whether the response is shown: to the 企画課 and the answering department always, to others once accepted.</summary>
    public static bool SeesResponse(this CouncilActor actor, CouncilOpinion opinion) =>
        opinion.Response is not null
        && (actor.IsPlanningOffice || opinion.IsForwardedTo(actor) || opinion.Status == CouncilOpinionStatus.Accepted);
}
