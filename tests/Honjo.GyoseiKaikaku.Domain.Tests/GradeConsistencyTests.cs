using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>ADR 0028: the 企画課's 二次評価 beside the self-grade, and self-grades that contradict the numbers.</summary>
public sealed class GradeConsistencyTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportActor Department = new("u1", "市民課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: true);
    private static readonly ReportActor PlanningOffice = new("u3", "企画課 担当者", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
    private static readonly TargetQuantity Target = new("証明書のコンビニ交付件数", 16_800m, "件", TargetDirection.AtLeast);

    private static YearEndReport NewReport() =>
        new Plan(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", new FiscalYear(5), new FiscalYear(9), ReformPerspective.ActiveIct)
            .ReportForOrCreate(R6);

    private static YearEndReport Submitted(EvaluationGrade grade)
    {
        var report = NewReport();
        report.SaveDraft(Department, "報告", grade, "改善策：周知を強化します。", null);
        report.Submit(Department, Now);
        return report;
    }

    [Theory]
    [InlineData(EvaluationGrade.A, 16_000, GradeContradictionKind.AButShort)]
    [InlineData(EvaluationGrade.C, 17_000, GradeContradictionKind.CButMet)]
    [InlineData(EvaluationGrade.C, 16_800, GradeContradictionKind.CButMet)]
    public void A_grade_against_the_numbers_is_a_contradiction(EvaluationGrade grade, int actual, GradeContradictionKind kind) =>
        Assert.Equal(kind, GradeConsistency.Check(grade, Target, actual)?.Kind);

    [Theory]
    [InlineData(EvaluationGrade.A, 16_800)]
    [InlineData(EvaluationGrade.B, 10)]
    [InlineData(EvaluationGrade.B, 20_000)]
    [InlineData(EvaluationGrade.C, 16_799)]
    public void A_grade_that_agrees_with_the_numbers_or_B_is_no_contradiction(EvaluationGrade grade, int actual) =>
        Assert.Null(GradeConsistency.Check(grade, Target, actual));

    [Fact]
    public void A_ceiling_target_reads_the_other_way()
    {
        var ceiling = new TargetQuantity("滞納件数", 100m, "件", TargetDirection.AtMost);
        Assert.Equal(GradeContradictionKind.AButShort, GradeConsistency.Check(EvaluationGrade.A, ceiling, 120m)?.Kind);
        Assert.Null(GradeConsistency.Check(EvaluationGrade.A, ceiling, 90m));
    }

    [Fact]
    public void An_A_short_of_the_target_is_saved_only_with_an_explanation()
    {
        var report = NewReport();

        var error = Assert.Throws<DomainException>(() => report.SaveDraft(Department, "報告", EvaluationGrade.A, "継続", 16_000m, Target, " "));
        Assert.Contains("実績値（16,000件）は目標（16,800件以上）に届いていません", error.Message, StringComparison.Ordinal);
        Assert.Contains("評価の説明", error.Message, StringComparison.Ordinal);

        report.SaveDraft(Department, "報告", EvaluationGrade.A, "継続", 16_000m, Target, "年度途中で対象が変わったため");
        Assert.Equal("年度途中で対象が変わったため", report.GradeExplanation);

        // Once the grade agrees with the numbers, no explanation is kept.
        report.SaveDraft(Department, "報告", EvaluationGrade.B, "継続", 16_000m, Target, "年度途中で対象が変わったため");
        Assert.Null(report.GradeExplanation);
    }

    [Fact]
    public void A_C_needs_an_improvement_note_in_the_policy()
    {
        var report = NewReport();

        var error = Assert.Throws<DomainException>(() => report.SaveDraft(Department, "報告", EvaluationGrade.C, "引き続き取り組みます。", null));
        Assert.Equal("年度末評価がCのときは、R7年度に向けた取組方針に改善策を書いてください（「改善策：」に続けて、次年度にどう改善するかを記入）。", error.Message);

        report.SaveDraft(Department, "報告", EvaluationGrade.C, "改善策：窓口での案内を見直します。", null);
        Assert.Equal(EvaluationGrade.C, report.Grade);
    }

    [Fact]
    public void The_planning_office_records_its_second_grade_beside_the_self_grade()
    {
        var report = Submitted(EvaluationGrade.A);

        report.Accept(PlanningOffice, Now, EvaluationGrade.B, "実績値が目標に届いていないため");

        Assert.Equal(EvaluationGrade.A, report.Grade);
        Assert.Equal(EvaluationGrade.B, report.SecondGrade);
        Assert.Equal("実績値が目標に届いていないため", report.SecondGradeReason);
        Assert.True(report.GradesDiffer);
    }

    [Fact]
    public void A_differing_second_grade_needs_a_reason_and_a_reason_needs_a_grade()
    {
        var report = Submitted(EvaluationGrade.A);

        Assert.Contains("二次評価の理由を入力してください", Assert.Throws<DomainException>(() => report.Accept(PlanningOffice, Now, EvaluationGrade.C, " ")).Message, StringComparison.Ordinal);
        Assert.Contains("二次評価（A・B・C）も選んでください", Assert.Throws<DomainException>(() => report.Accept(PlanningOffice, Now, null, "理由だけ")).Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, report.Status);

        report.Accept(PlanningOffice, Now, EvaluationGrade.A, null);
        Assert.Equal(EvaluationGrade.A, report.SecondGrade);
        Assert.False(report.GradesDiffer);
    }

    [Fact]
    public void Reopening_withdraws_the_second_grade_with_the_acceptance()
    {
        var report = Submitted(EvaluationGrade.A);
        report.Accept(PlanningOffice, Now, EvaluationGrade.B, "理由");

        report.Reopen(PlanningOffice, "再確認のため", Now);

        Assert.Null(report.SecondGrade);
        Assert.Null(report.SecondGradeReason);
    }

    [Theory]
    [InlineData("A：達成率100%以上、B：達成率80%以上、C：80%未満", 1.0, 0.8)]
    [InlineData("達成率１００％以上をA、達成率９０％以上をBとする。", 1.0, 0.9)]
    public void The_grading_rule_is_read_from_the_plans_text(string text, double a, double b) =>
        Assert.Equal(new GradingRule((decimal)a, (decimal)b), GradingRule.TryRead(["評価の基準", text]));

    [Theory]
    [InlineData("A：目標を達成 B：概ね達成 C：未達成")]
    [InlineData("A：達成率80%以上、B：達成率90%以上")]
    [InlineData("達成率100%以上をAとする。")]
    public void No_rule_is_guessed_from_an_unclear_text(string text) => Assert.Null(GradingRule.TryRead([text]));

    [Theory]
    [InlineData(17_000, EvaluationGrade.A)]
    [InlineData(14_000, EvaluationGrade.B)]
    [InlineData(13_000, EvaluationGrade.C)]
    public void The_rule_suggests_a_grade_from_the_rate(int actual, EvaluationGrade expected) =>
        Assert.Equal(expected, new GradingRule(1m, 0.8m).Suggest(Target.Evaluate(actual)));
}
