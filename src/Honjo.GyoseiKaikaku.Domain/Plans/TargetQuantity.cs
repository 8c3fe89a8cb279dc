namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>Whether a numeric target is met by reaching it (以上) or by staying under it (以下).</summary>
public enum TargetDirection
{
    /// <summary>The actual value must be at least the target (件数, 割合, 回数 …).</summary>
    AtLeast = 1,

    /// <summary>The actual value must be at most the target (滞納, 残渣 …, or 以下・未満・まで written in the text).</summary>
    AtMost = 2,
}

/// <summary>
/// The quantity read from a yearly target such as 「証明書のコンビニ交付件数：16,800件」: the measure's name
/// (<see cref="Label"/>), the value, its unit and direction. The target text stays the source of truth; this is
/// only what <see cref="TargetParser"/> could read from it without guessing.
/// </summary>
public sealed record TargetQuantity(string Label, decimal Value, string Unit, TargetDirection Direction)
{
    /// <summary>How an actual value compares with this target.</summary>
    public TargetAchievement Evaluate(decimal actual) => TargetAchievement.Of(this, actual);
}

/// <summary>
/// The achievement of one actual value against a numeric target. 達成率 is actual ÷ target for
/// <see cref="TargetDirection.AtLeast"/> and target ÷ actual for <see cref="TargetDirection.AtMost"/>;
/// it is null where the division is undefined (a target of 0 to reach, or an actual of 0 under a ceiling).
/// </summary>
public sealed record TargetAchievement(TargetQuantity Target, decimal Actual, bool Achieved, decimal? Rate)
{
    public static TargetAchievement Of(TargetQuantity target, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(target);
        var achieved = target.Direction == TargetDirection.AtLeast ? actual >= target.Value : actual <= target.Value;
        decimal? rate = target.Direction == TargetDirection.AtLeast
            ? (target.Value == 0 ? null : actual / target.Value)
            : (actual == 0 ? null : target.Value / actual);
        return new TargetAchievement(target, actual, achieved, rate);
    }

    /// <summary>"達成" or "未達成".</summary>
    public string Label => Achieved ? "達成" : "未達成";

    /// <summary>"101.2%", or empty when the rate is undefined.</summary>
    public string RateText => Rate is { } r
        ? (Math.Round(r * 100, 1, MidpointRounding.AwayFromZero)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"
        : string.Empty;
}

/// <summary>Formats values with their unit the way the booklet writes them: 「17,000件」「23.9%」.</summary>
public static class TargetFormat
{
    public static string Amount(decimal value, string unit) =>
        value.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture) + unit;
}
