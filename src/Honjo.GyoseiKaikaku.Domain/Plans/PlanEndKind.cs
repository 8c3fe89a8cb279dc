namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>How a plan left the 大綱 before or at its 達成目標年度.</summary>
public enum PlanEndKind
{
    /// <summary>完了: done (usually on reaching its 達成目標年度).</summary>
    Completed = 1,

    /// <summary>廃止: dropped.</summary>
    Abolished = 2,

    /// <summary>統合: joined into another plan.</summary>
    Merged = 3,
}

public static class PlanEndKinds
{
    public static string DisplayName(this PlanEndKind kind) => kind switch
    {
        PlanEndKind.Completed => "完了",
        PlanEndKind.Abolished => "廃止",
        PlanEndKind.Merged => "統合",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
