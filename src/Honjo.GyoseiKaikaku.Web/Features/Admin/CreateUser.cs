using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>A new user: profile, role, departments and an initial password its owner must change.</summary>
public sealed class CreateUserHandler(UserManager<ApplicationUser> users, UserAdministration admin)
{
    public async Task<NewUserViewModel> NewAsync(CreateUserRequest form, CancellationToken ct) =>
        new(form, await admin.DepartmentOptionsAsync(ct));

    /// <summary>
    /// Reports the handler's own errors even when the request failed its attribute validation
    /// (<paramref name="inputIsValid"/> false), so the form shows every problem at once.
    /// </summary>
    public async Task<UseCaseResult<string>> CreateAsync(CreateUserRequest request, bool inputIsValid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = new ApplicationUser
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName?.Trim() ?? string.Empty,
            EmailConfirmed = true,
            MustChangePassword = true,
        };
        var errors = await admin.ValidateProfileAsync(request, ct);
        if (!string.IsNullOrEmpty(request.UserName) && await users.FindByNameAsync(request.UserName) is not null)
        {
            errors.Add(users.ErrorDescriber.DuplicateUserName(request.UserName).Description);
        }

        if (!string.IsNullOrEmpty(request.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, request.Password);
                errors.AddRange(result.Errors.Select(e => e.Description));
            }
        }

        if (!inputIsValid || errors.Count > 0)
        {
            return UseCaseResult.Invalid<string>(null, errors);
        }

        foreach (var id in UserAdministration.WantedDepartments(request))
        {
            user.Departments.Add(new UserDepartment { DepartmentId = id });
        }

        var departments = await admin.DepartmentNamesAsync(UserAdministration.WantedDepartments(request), ct);
        return await admin.InTransactionAsync(
            user.UserName,
            ct,
            () => users.CreateAsync(user, request.Password),
            () => users.AddToRoleAsync(user, request.Role!),
            admin.Audited(
                user.UserName,
                ct,
                (AuditAction.UserCreated, $"表示名：{user.DisplayName}、役割：{AppRoles.DisplayName(request.Role!)}"
                    + (departments.Length > 0 ? $"、担当部署：{departments}" : string.Empty))));
    }
}
