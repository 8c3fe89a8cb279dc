namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>The kinds of 計画変更 the 企画課 records when a carried-over plan changes.</summary>
public enum PlanChangeType
{
    /// <summary>目標変更.</summary>
    Target = 1,

    /// <summary>内容変更.</summary>
    Content = 2,

    /// <summary>名称変更.</summary>
    Name = 3,

    /// <summary>所管変更.</summary>
    Department = 4,

    /// <summary>期間変更.</summary>
    Period = 5,
}

public static class PlanChangeTypes
{
    public static IReadOnlyList<PlanChangeType> All { get; } = Enum.GetValues<PlanChangeType>();

    public static string DisplayName(this PlanChangeType type) => type switch
    {
        PlanChangeType.Target => "目標変更",
        PlanChangeType.Content => "内容変更",
        PlanChangeType.Name => "名称変更",
        PlanChangeType.Department => "所管変更",
        PlanChangeType.Period => "期間変更",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

/// <summary>
/// One 計画変更 of a plan in one edition: its kind and reason, who and when. The reason is also printed in that
/// edition's 備考 as 「&lt;令和7年度計画変更&gt; 理由」; the fields' before and after are in the history.
/// </summary>
public sealed class PlanChange
{
    public const int MaxReasonLength = 500;

    private PlanChange()
    {
        Reason = string.Empty;
        By = string.Empty;
    }

    internal PlanChange(PlanChangeType type, string reason, DateTimeOffset at, string by)
    {
        Type = type;
        Reason = reason;
        At = at;
        By = by;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public PlanChangeType Type { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }
}
