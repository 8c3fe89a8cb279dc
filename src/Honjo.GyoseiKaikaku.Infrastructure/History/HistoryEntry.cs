namespace Honjo.GyoseiKaikaku.Infrastructure.History;

/// <summary>
/// One changed field of a plan or of a year-end record: who, when, which field, before and after.
/// Written only by <see cref="HistoryInterceptor"/>; nothing in the application updates or deletes it.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string UserId { get; init; } = string.Empty;

    public string UserName { get; init; } = string.Empty;

    /// <summary>The plan's identity (its number), whichever edition's version changed.</summary>
    public int PlanKeyId { get; init; }

    /// <summary>The edition (Reiwa year) whose version of the plan changed; null for a year-end record's change.</summary>
    public int? EditionYear { get; init; }

    /// <summary>The fiscal year (Reiwa) of a year-end record's change; null for the plan's content.</summary>
    public int? Year { get; init; }

    /// <summary>The field as people call it: "取組状況報告", "R7年度の達成目標", "状態".</summary>
    public string Field { get; init; } = string.Empty;

    public string Before { get; init; } = string.Empty;

    public string After { get; init; } = string.Empty;
}

/// <summary>Who is making the current change, as far as the history needs to know.</summary>
public interface ICurrentUser
{
    /// <summary>Null when no person is acting (start-up, seed import).</summary>
    string? UserId { get; }

    string DisplayName { get; }
}
