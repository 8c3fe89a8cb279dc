using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>A person who signs in: department staff, the 企画課, or a reader.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown on screens and in the history ("市民課 担当者").</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// True while the password is one the 企画課 set (a new user, a reset): the person knows it, but so does the
    /// administrator who typed it and whatever channel carried it. Until the user sets a password of their own,
    /// every page leads to the password page. Cleared only by the user's own change.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The person turned notice mails off (notices are still shown in the application).</summary>
    public bool NoticeMailOff { get; set; }

    /// <summary>The departments a 部署担当 edits for; empty for other roles.</summary>
    public List<UserDepartment> Departments { get; } = [];
}

/// <summary>Binds a user to a department whose plans the user may edit.</summary>
public sealed class UserDepartment
{
    public string UserId { get; set; } = string.Empty;

    public int DepartmentId { get; set; }
}
