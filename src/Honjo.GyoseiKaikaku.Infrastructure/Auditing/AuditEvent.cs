namespace Honjo.GyoseiKaikaku.Infrastructure.Auditing;

/// <summary>
/// One administrative action: who did what to whom, when, from where. Written only through <see cref="IAuditLog"/>,
/// never changed or deleted (<see cref="AppendOnlyAuditInterceptor"/> refuses it).
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; init; }

    /// <summary>When, in UTC.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The acting user's id; null when no one was signed in.</summary>
    public string? ActorId { get; init; }

    /// <summary>The acting user's ID (user name) at the time, kept even if the account is renamed or removed.</summary>
    public string ActorName { get; init; } = string.Empty;

    public AuditAction Action { get; init; }

    /// <summary>What was acted on, as people name it: a user ID, an edition (「令和6年度版」).</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>What changed, in Japanese: 「役割：閲覧 → 部署担当」.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>The client's address as the application saw it (after a trusted proxy's X-Forwarded-For).</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The request's id, to find the same request in the application log.</summary>
    public string? RequestId { get; init; }
}

/// <summary>The administrative actions kept in the database. Stored by name: never renumber, never rename.</summary>
public enum AuditAction
{
    UserCreated,
    UserDisplayNameChanged,
    UserRoleChanged,
    UserDepartmentsChanged,
    UserLocked,
    UserUnlocked,
    PasswordReset,
    EditionPublished,
    DeadlineChanged,
    ResultsClosed,
    EditionCreated,
    PlanAdded,
    PlanEnded,
    DepartmentsReorganized,
    Corrected,
    CouncilTablePublished,
    CouncilTableReopened,
}

public static class AuditActionNames
{
    public static IReadOnlyList<AuditAction> All { get; } = Enum.GetValues<AuditAction>();

    /// <summary>The Japanese label shown on the 操作ログ page.</summary>
    public static string DisplayName(this AuditAction action) => action switch
    {
        AuditAction.UserCreated => "利用者の追加",
        AuditAction.UserDisplayNameChanged => "表示名の変更",
        AuditAction.UserRoleChanged => "役割の変更",
        AuditAction.UserDepartmentsChanged => "担当部署の変更",
        AuditAction.UserLocked => "ロック",
        AuditAction.UserUnlocked => "ロック解除",
        AuditAction.PasswordReset => "パスワードの再設定",
        AuditAction.EditionPublished => "冊子の公表",
        AuditAction.DeadlineChanged => "提出期限の変更",
        AuditAction.ResultsClosed => "実績の確定",
        AuditAction.EditionCreated => "次の版の作成",
        AuditAction.PlanAdded => "新規計画の追加",
        AuditAction.PlanEnded => "計画の終了",
        AuditAction.DepartmentsReorganized => "組織改正",
        AuditAction.Corrected => "訂正",
        AuditAction.CouncilTablePublished => "審議会意見の公表",
        AuditAction.CouncilTableReopened => "審議会意見の公表取消",
        _ => action.ToString(),
    };
}
