using System.ComponentModel.DataAnnotations;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The report's four inputs as posted, with the year and the version the form was opened at.</summary>
public abstract record ReportFields : IReportRequest
{
    public string? Year { get; init; }

    public int Version { get; init; }

    [StringLength(YearEndReport.MaxTextLength, ErrorMessage = "取組状況報告は{1}文字以内で入力してください。")]
    public string? StatusReport { get; init; }

    public string? Grade { get; init; }

    [StringLength(YearEndReport.MaxTextLength, ErrorMessage = "次年度に向けた取組方針は{1}文字以内で入力してください。")]
    public string? NextYearPolicy { get; init; }

    /// <summary>実績値 as typed; read by the handler (full-width digits and thousands separators allowed).</summary>
    [StringLength(30, ErrorMessage = "実績値は{1}文字以内で入力してください。")]
    public string? ActualValue { get; init; }

    /// <summary>評価の説明: why a grade that contradicts the numbers is right (required then; ADR 0028).</summary>
    [StringLength(GradeConsistency.MaxExplanationLength, ErrorMessage = "評価の説明は{1}文字以内で入力してください。")]
    public string? GradeExplanation { get; init; }

    /// <summary>What the person typed, to be shown again when the save is refused.</summary>
    public ReportInput ToInput() => new(StatusReport ?? string.Empty, Grade ?? string.Empty, NextYearPolicy ?? string.Empty, ActualValue ?? string.Empty)
    {
        GradeExplanation = GradeExplanation ?? string.Empty,
    };
}

/// <summary>The report's values read from a form: what the entity is given (<c>SaveDraft</c>, <c>Correct</c>).</summary>
public sealed record ReportValues(string? StatusReport, EvaluationGrade? Grade, string? NextYearPolicy, decimal? ActualValue)
{
    /// <summary>評価の説明 as typed.</summary>
    public string? GradeExplanation { get; init; }

    /// <summary>The numeric target of the year, against which the grade is checked (ADR 0028); null when the target is text.</summary>
    public TargetQuantity? Target { get; init; }
}

/// <summary>
/// The report form's input read and checked before the entity sees it — <b>the place for a rule about what was typed</b>
/// (the grade is A, B or C; 実績値 a number in the target's unit). Lengths are checked by the attributes on
/// <see cref="ReportFields"/> during model binding; rules about the report's state belong to <see cref="YearEndReport"/>.
/// Used by every form that carries the four fields: saving, submitting and the 訂正.
/// </summary>
public sealed record ReportForm(ReportValues Values, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ReportForm Read(ReportFields form, Plan plan, FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<string>();
        EvaluationGrade? grade = null;
        if (!string.IsNullOrWhiteSpace(form.Grade))
        {
            if (EvaluationGrades.TryParse(form.Grade, out var parsed))
            {
                grade = parsed;
            }
            else
            {
                errors.Add("年度末評価はA・B・Cのいずれかを選んでください。");
            }
        }

        decimal? actual = null;
        if (plan.QuantityFor(year) is { } quantity && !string.IsNullOrWhiteSpace(form.ActualValue))
        {
            if (ActualValues.TryParse(form.ActualValue, out var value))
            {
                actual = value;
            }
            else
            {
                errors.Add($"実績値は0以上の数値（{quantity.Unit}）で入力してください。");
            }
        }

        return new ReportForm(
            new ReportValues(form.StatusReport, grade, form.NextYearPolicy, actual) { GradeExplanation = form.GradeExplanation, Target = plan.QuantityFor(year) },
            errors);
    }
}
