using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>A user's role as the lists read it.</summary>
public sealed record UserRole(string UserId, string Role);

/// <summary>
/// What the 企画課's user administration use cases share. Changes go through <see cref="UserManager{TUser}"/> (password
/// policy, Japanese messages, security stamp) inside one transaction, with their audit records in it; a changed
/// user's cookie is refreshed through the security stamp. A password the 企画課 sets (new user, reset) must be changed
/// by its owner at the next sign-in. Each use case answers the changed user's name.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<ApplicationUser> users, IAuditLog audit)
{
    /// <summary>The profile form's rules: a role, and for a 部署担当 one or more current departments.</summary>
    public async Task<List<string>> ValidateProfileAsync(UserProfileRequest request, CancellationToken ct)
    {
        var errors = new List<string>();
        if (request.Role is null || !AppRoles.All.Contains(request.Role))
        {
            errors.Add("役割を選んでください。");
        }
        else if (request.Role == AppRoles.DepartmentEditor)
        {
            var ids = request.DepartmentIds.Distinct().ToList();
            if (ids.Count == 0)
            {
                errors.Add("部署担当には、担当する部署を1つ以上選んでください。");
            }
            else if (await db.Departments.CountAsync(d => ids.Contains(d.Id), ct) != ids.Count)
            {
                errors.Add("選んだ部署の中に、登録されていない部署があります。");
            }
            else if (await db.Departments.Where(d => ids.Contains(d.Id) && d.SuccessorId != null).Select(d => d.Name).FirstOrDefaultAsync(ct) is { } replaced)
            {
                errors.Add($"「{replaced}」は組織改正で別の部署になっています。新しい部署を選んでください。");
            }
        }

        return errors;
    }

    /// <summary>Only a 部署担当 is bound to departments; for the other roles a selection is ignored.</summary>
    public static HashSet<int> WantedDepartments(UserProfileRequest request) =>
        request.Role == AppRoles.DepartmentEditor ? [.. request.DepartmentIds] : [];

    public bool IsSelf(ClaimsPrincipal actor, string id) => users.GetUserId(actor) == id;

    public IQueryable<UserRole> RolesQuery(IReadOnlyCollection<string> userIds) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where userIds.Contains(ur.UserId)
        orderby r.Name
        select new UserRole(ur.UserId, r.Name!);

    public async Task<string> DepartmentNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var names = await db.Departments.AsNoTracking().Where(d => list.Contains(d.Id)).OrderBy(d => d.SortOrder).Select(d => d.Name).ToListAsync(ct);
        return string.Join("、", names);
    }

    /// <summary>The last step of a change: its audit records, saved inside the change's transaction.</summary>
    public Func<Task<IdentityResult>> Audited(string target, CancellationToken ct, params (AuditAction Action, string Detail)[] events) => async () =>
    {
        foreach (var (action, detail) in events)
        {
            audit.Record(action, target, detail);
        }

        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    };

    public Task<List<DepartmentOption>> DepartmentOptionsAsync(CancellationToken ct) =>
        db.Departments.AsNoTracking().Current().Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct);

    /// <summary>Runs the Identity steps in order, each saving, and commits only when all of them succeeded.</summary>
    public async Task<UseCaseResult<string>> InTransactionAsync(string userName, CancellationToken ct, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return UseCaseResult.Invalid<string>(null, result.Errors.Select(e => e.Description).ToList());
            }
        }

        await transaction.CommitAsync(ct);
        return UseCaseResult.Ok(userName);
    }

}
