namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>The four roles. Names are stable identifiers; <see cref="DisplayName"/> is what people read.</summary>
public static class AppRoles
{
    /// <summary>部署担当: edits the year-end fields of the plans of the departments the user is bound to.</summary>
    public const string DepartmentEditor = "DepartmentEditor";

    /// <summary>企画課: maintains plans, reviews reports, manages users; may do everything.</summary>
    public const string PlanningOffice = "PlanningOffice";

    /// <summary>閲覧: managers; read-only.</summary>
    public const string Viewer = "Viewer";

    /// <summary>審議会委員: 行政改革審議会 members; read published content only, plus their own opinions (ADR 0029).</summary>
    public const string CouncilMember = "CouncilMember";

    public static IReadOnlyList<string> All { get; } = [DepartmentEditor, PlanningOffice, Viewer, CouncilMember];

    public static string DisplayName(string role) => role switch
    {
        DepartmentEditor => "部署担当",
        PlanningOffice => "企画課",
        Viewer => "閲覧",
        CouncilMember => "審議会委員",
        _ => role,
    };
}

/// <summary>Claim types the application adds to the signed-in principal.</summary>
public static class AppClaims
{
    /// <summary>One claim per department the user edits for; the value is the department id.</summary>
    public const string Department = "honjo:department";

    public const string DisplayName = "honjo:display-name";

    /// <summary>Present (value "true") while the user still has a password set by the 企画課.</summary>
    public const string MustChangePassword = "honjo:must-change-password";
}
