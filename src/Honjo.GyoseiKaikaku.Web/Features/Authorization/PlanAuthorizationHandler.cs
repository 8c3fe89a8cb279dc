using System.Globalization;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Honjo.GyoseiKaikaku.Web.Features.Authorization;

/// <summary>What a request touches: a plan, known by its executing departments.</summary>
public sealed record PlanResource(int PlanId, IReadOnlyCollection<int> ExecutingDepartmentIds)
{
    /// <summary>The resource of a plan version loaded with its executing departments.</summary>
    public static PlanResource Of(Domain.Plans.Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());
    }
}

/// <summary>The operations checked against a <see cref="PlanResource"/> on every request that touches it.</summary>
public static class PlanOperations
{
    /// <summary>Read the year-end record before the 企画課 has accepted it (drafts, submissions, returns).</summary>
    public static readonly OperationAuthorizationRequirement ReadReport = new() { Name = nameof(ReadReport) };

    /// <summary>Save or submit the year-end record.</summary>
    public static readonly OperationAuthorizationRequirement EditReport = new() { Name = nameof(EditReport) };

    /// <summary>Accept, return or reopen the year-end record.</summary>
    public static readonly OperationAuthorizationRequirement ReviewReport = new() { Name = nameof(ReviewReport) };

    /// <summary>Change the plan's content (name, departments, texts, targets).</summary>
    public static readonly OperationAuthorizationRequirement EditPlan = new() { Name = nameof(EditPlan) };
}

/// <summary>
/// The department check both eShops forgot: a 部署担当 reads and edits only the year-end records of plans executed by
/// one of the departments the user is bound to. 企画課 may do everything; 閲覧 reads only accepted results.
/// </summary>
public sealed class PlanAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PlanResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PlanResource resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var user = context.User;
        if (user.IsInRole(AppRoles.PlanningOffice))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        // Reading follows the one visibility rule the database filter applies too; editing is for the same people.
        var reads = ReportAudience.For(user).CanRead(resource.ExecutingDepartmentIds);
        if (reads && (requirement.Name == PlanOperations.ReadReport.Name || requirement.Name == PlanOperations.EditReport.Name))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class UserExtensions
{
    public static IReadOnlySet<int> DepartmentIds(this ClaimsPrincipal user) =>
        user.FindAll(AppClaims.Department)
            .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id > 0)
            .ToHashSet();

    public static bool EditsAnyOf(this ClaimsPrincipal user, IEnumerable<int> departmentIds) =>
        departmentIds.Any(user.DepartmentIds().Contains);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(AppClaims.DisplayName)?.Value ?? user.Identity?.Name ?? string.Empty;

    public static ReportActor ToReportActor(this ClaimsPrincipal user, PlanResource plan) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        user.DisplayName(),
        user.IsInRole(AppRoles.PlanningOffice),
        user.IsInRole(AppRoles.DepartmentEditor) && user.EditsAnyOf(plan.ExecutingDepartmentIds));
}

/// <summary>The signed-in person's <see cref="ReportAudience"/>, for the database's report filter.</summary>
public sealed class HttpReportAudienceProvider(IHttpContextAccessor accessor) : IReportAudienceProvider
{
    private (System.Security.Claims.ClaimsPrincipal? User, ReportAudience Audience)? _last;

    /// <summary>Read by every query's filter: worked out once per signed-in principal, not per query.</summary>
    public ReportAudience Current
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (_last is not { } last || !ReferenceEquals(last.User, user))
            {
                _last = (user, ReportAudience.For(user));
            }

            return _last.Value.Audience;
        }
    }
}

/// <summary>The signed-in person, for the history.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)
        : null;

    public string DisplayName => accessor.HttpContext?.User.DisplayName() ?? string.Empty;
}
