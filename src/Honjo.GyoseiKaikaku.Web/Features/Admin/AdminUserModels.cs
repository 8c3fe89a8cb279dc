using System.ComponentModel.DataAnnotations;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

public sealed record UserListRequest
{
    public string? Q { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>What the 企画課 sets both when adding and when editing a user. Role and departments are checked by the handler.</summary>
public record UserProfileRequest
{
    [Required(ErrorMessage = "表示名を入力してください。")]
    [StringLength(100, ErrorMessage = "表示名は{1}文字以内で入力してください。")]
    public string DisplayName { get; init; } = string.Empty;

    public string? Role { get; init; }

    /// <summary>An array: MVC binds a read-only list default in place, that is, not at all.</summary>
    public int[] DepartmentIds { get; init; } = [];
}

public sealed record CreateUserRequest : UserProfileRequest
{
    [Required(ErrorMessage = "ユーザーIDを入力してください。")]
    [StringLength(50, MinimumLength = 3, ErrorMessage = "ユーザーIDは{2}文字以上{1}文字以内で入力してください。")]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "ユーザーIDは半角英数字と . _ - で入力してください。")]
    public string UserName { get; init; } = string.Empty;

    /// <summary>Checked against the Identity password policy by the handler, which gives the Japanese messages.</summary>
    [Required(ErrorMessage = "初期パスワードを入力してください。")]
    public string Password { get; init; } = string.Empty;
}

public sealed record ResetPasswordRequest
{
    [Required(ErrorMessage = "新しいパスワードを入力してください。")]
    public string NewPassword { get; init; } = string.Empty;
}

public sealed record DepartmentOption(int Id, string Name);

public sealed record UserListRow(
    string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, bool IsLocked);

public sealed record UserListViewModel(string? Q, IReadOnlyList<UserListRow> Rows, int TotalCount, int Page, int PageCount);

public sealed record UserProfileFields(UserProfileRequest Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record NewUserViewModel(CreateUserRequest Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record EditUserViewModel(
    string Id, string UserName, bool IsLocked, bool IsSelf, UserProfileRequest Form, IReadOnlyList<DepartmentOption> Departments);
