using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>利用者管理's list: search by user ID or name, 20 a page, with roles, departments and lock state.</summary>
public sealed class UserListQuery(AppDbContext db, UserManager<ApplicationUser> users, UserAdministration admin, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<UserListViewModel> ListAsync(UserListRequest request, CancellationToken ct)
    {
        var q = request.Q?.Trim();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(q))
        {
            var normalized = users.NormalizeName(q);
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var found = await query.OrderBy(u => u.UserName).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await admin.RolesQuery(ids).ToListAsync(ct);
        var departments = await (
                from ud in db.Set<UserDepartment>()
                join d in db.Departments on ud.DepartmentId equals d.Id
                where ids.Contains(ud.UserId)
                orderby d.SortOrder
                select new { ud.UserId, d.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = found.Select(u => new UserListRow(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => AppRoles.DisplayName(r.Role)).ToList(),
                departments.Where(d => d.UserId == u.Id).Select(d => d.Name).ToList(),
                u.LockoutEnd > now))
            .ToList();
        return new UserListViewModel(q, rows, total, page, pageCount);
    }
}
