namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>The sheet's texts that are kept as ordered items (paragraphs or bulleted lines).</summary>
public enum PlanTextSection
{
    /// <summary>本庄市総合振興計画（後期基本計画施策中項目）: one item per 施策中項目.</summary>
    PolicyMeasure = 1,

    /// <summary>現状と課題.</summary>
    CurrentSituation = 2,

    /// <summary>取組内容.</summary>
    Actions = 3,

    /// <summary>取組の効果.</summary>
    Effects = 4,

    /// <summary>備考.</summary>
    Remarks = 5,
}

public static class PlanTextSections
{
    public static string DisplayName(this PlanTextSection section) => section switch
    {
        PlanTextSection.PolicyMeasure => "本庄市総合振興計画（後期基本計画施策中項目）",
        PlanTextSection.CurrentSituation => "現状と課題",
        PlanTextSection.Actions => "取組内容",
        PlanTextSection.Effects => "取組の効果",
        PlanTextSection.Remarks => "備考",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };
}
