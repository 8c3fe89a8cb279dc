namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>年度末評価. A: 目標を達成, B: 概ね達成, C: 未達成 — as the 大綱 defines them.</summary>
public enum EvaluationGrade
{
    A = 1,
    B = 2,
    C = 3,
}

public static class EvaluationGrades
{
    public static IReadOnlyList<EvaluationGrade> All { get; } = Enum.GetValues<EvaluationGrade>();

    public static bool TryParse(string? text, out EvaluationGrade grade)
    {
        var s = (text ?? string.Empty).Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        switch (s)
        {
            case "A": grade = EvaluationGrade.A; return true;
            case "B": grade = EvaluationGrade.B; return true;
            case "C": grade = EvaluationGrade.C; return true;
            default: grade = default; return false;
        }
    }
}
