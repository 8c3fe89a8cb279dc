using System.Globalization;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>How a self-grade disagrees with the numbers (ADR 0028).</summary>
public enum GradeContradictionKind
{
    /// <summary>A（目標を達成） while the 実績値 falls short of the numeric target.</summary>
    AButShort = 1,

    /// <summary>C（未達成） while the 実績値 meets the numeric target.</summary>
    CButMet = 2,
}

/// <summary>A self-grade that contradicts the 実績値 against a numeric target, with the sentence the form shows.</summary>
public sealed record GradeContradiction(GradeContradictionKind Kind, TargetAchievement Achievement)
{
    public string Message => Kind == GradeContradictionKind.AButShort
        ? $"年度末評価はAですが、実績値（{TargetFormat.Amount(Achievement.Actual, Achievement.Target.Unit)}）は目標（{TargetFormat.Amount(Achievement.Target.Value, Achievement.Target.Unit)}{DirectionWord}）に届いていません。"
        : $"年度末評価はCですが、実績値（{TargetFormat.Amount(Achievement.Actual, Achievement.Target.Unit)}）は目標（{TargetFormat.Amount(Achievement.Target.Value, Achievement.Target.Unit)}{DirectionWord}）を達成しています。";

    private string DirectionWord => Achievement.Target.Direction == TargetDirection.AtMost ? "以下" : "以上";
}

/// <summary>
/// The consistency rules of a self-grade (ADR 0028), pure so that the form, the Excel import and the entity share them:
/// an A with the numeric target missed, or a C with it met, needs an explanation; a C needs a 改善策 in 取組方針.
/// </summary>
public static class GradeConsistency
{
    public const int MaxExplanationLength = 500;

    /// <summary>The word the 取組方針 of a C must contain.</summary>
    public const string ImprovementWord = "改善策";

    /// <summary>The contradiction between <paramref name="grade"/> and the numbers, or null (no numeric target, no 実績値, B, or consistent).</summary>
    public static GradeContradiction? Check(EvaluationGrade? grade, TargetQuantity? target, decimal? actual)
    {
        if (grade is null || target is null || actual is not { } value)
        {
            return null;
        }

        var achievement = target.Evaluate(value);
        return grade switch
        {
            EvaluationGrade.A when !achievement.Achieved => new GradeContradiction(GradeContradictionKind.AButShort, achievement),
            EvaluationGrade.C when achievement.Achieved => new GradeContradiction(GradeContradictionKind.CButMet, achievement),
            _ => null,
        };
    }

    /// <summary>A C grade's 取組方針 names its 改善策.</summary>
    public static bool HasImprovementNote(string? nextYearPolicy) =>
        nextYearPolicy is not null && nextYearPolicy.Contains(ImprovementWord, StringComparison.Ordinal);

    public static string ImprovementNoteMissingMessage(string policyHeading) =>
        $"年度末評価がCのときは、{policyHeading}に改善策を書いてください（「改善策：」に続けて、次年度にどう改善するかを記入）。";

    /// <summary>
    /// What keeps <paramref name="grade"/> from being saved for <paramref name="year"/>'s report, or null: a C without a
    /// 改善策 in <paramref name="nextYearPolicy"/>, or a contradiction with the numbers without an explanation.
    /// </summary>
    public static string? Problem(
        Common.FiscalYear year, EvaluationGrade? grade, string? nextYearPolicy, TargetQuantity? target, decimal? actual, string? explanation)
    {
        if (grade == EvaluationGrade.C && !HasImprovementNote(nextYearPolicy))
        {
            return ImprovementNoteMissingMessage($"{year.Next.Code}年度に向けた取組方針");
        }

        return Check(grade, target, actual) is { } contradiction && string.IsNullOrWhiteSpace(explanation)
            ? ExplanationMissingMessage(contradiction)
            : null;
    }

    public static string ExplanationMissingMessage(GradeContradiction contradiction)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        return contradiction.Message + "この評価とする理由を「評価の説明」に入力してください（企画課の確認待ち一覧に表示されます）。";
    }
}

/// <summary>
/// A plan's grading rule, where its text states 達成率 thresholds, e.g. 「A：達成率100%以上、B：達成率80%以上、C：80%未満」
/// or 「達成率100%以上をA、80%以上をBとする」. Only A and B thresholds are read (C is below B's); anything less clear is
/// no rule (the form then suggests nothing).
/// </summary>
public sealed record GradingRule(decimal AFrom, decimal BFrom)
{
    private static readonly Regex GradeFirst = new(
        @"(?<g>[AB])\s*[：:]\s*(?:達成率)?\s*(?<n>\d+(?:\.\d+)?)\s*[%％]\s*以上",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private static readonly Regex RateFirst = new(
        @"達成率\s*(?<n>\d+(?:\.\d+)?)\s*[%％]\s*以上\s*(?:を|は|が|で|：|:)?\s*(?<g>[AB])(?![A-Za-z])",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary>Reads the rule from the plan's texts; null unless both A and B thresholds are stated once each, A above B.</summary>
    public static GradingRule? TryRead(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var found = new Dictionary<string, HashSet<decimal>>(StringComparer.Ordinal);
        foreach (var raw in texts)
        {
            var text = raw.Normalize(System.Text.NormalizationForm.FormKC);
            if (!text.Contains("達成率", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var regex in new[] { GradeFirst, RateFirst })
            {
                foreach (Match m in regex.Matches(text))
                {
                    var value = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) / 100m;
                    if (!found.TryGetValue(m.Groups["g"].Value, out var set))
                    {
                        found[m.Groups["g"].Value] = set = [];
                    }

                    set.Add(value);
                }
            }
        }

        return found.TryGetValue("A", out var a) && a.Count == 1 && found.TryGetValue("B", out var b) && b.Count == 1 && a.First() > b.First()
            ? new GradingRule(a.First(), b.First())
            : null;
    }

    /// <summary>The grade the rule gives a 達成率; null when the rate is undefined.</summary>
    public EvaluationGrade? Suggest(TargetAchievement achievement)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        return achievement.Rate is not { } rate ? null
            : rate >= AFrom ? EvaluationGrade.A
            : rate >= BFrom ? EvaluationGrade.B
            : EvaluationGrade.C;
    }

    /// <summary>「A：達成率100%以上　B：80%以上　C：80%未満」.</summary>
    public string Text => $"A：達成率{Percent(AFrom)}以上　B：{Percent(BFrom)}以上　C：{Percent(BFrom)}未満";

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
