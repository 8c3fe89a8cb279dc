using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class PlanTests
{
    private static readonly ReformField Field1 = new(1, "行政サービス改革");
    private static readonly FiscalYear R5 = new(5);
    private static readonly FiscalYear R6 = new(6);
    private static readonly FiscalYear R9 = new(9);

    private static Plan NewPlan(int number = 1, string name = "計画", FiscalYear? start = null) =>
        new(Field1, number, name, start ?? R5, R9, ReformPerspective.ActiveIct);

    [Fact]
    public void Two_plans_with_the_same_name_are_told_apart_by_field_and_number()
    {
        const string name = "「本庄市オンライン窓口」（電子申請）の活用";
        var a = NewPlan(24, name, R6);
        var b = NewPlan(26, name, R6);

        Assert.Equal(a.Name, b.Name);
        Assert.NotEqual(a.PlanNumber, b.PlanNumber);
        Assert.Equal("1-24", a.PlanNumber.ToString());
        Assert.Equal("1-26", b.PlanNumber.ToString());
    }

    [Fact]
    public void A_target_year_before_the_start_year_is_refused_with_a_Japanese_message()
    {
        var plan = NewPlan();

        var error = Assert.Throws<DomainException>(() => plan.SetYears(R9, R5));

        Assert.Contains("達成目標年度", error.Message, StringComparison.Ordinal);
        Assert.Equal(R5, plan.StartYear);
    }

    [Fact]
    public void A_blank_name_is_refused()
    {
        Assert.Throws<DomainException>(() => NewPlan(name: "  "));
    }

    [Fact]
    public void Cooperators_keep_departments_and_group_words_in_order_and_print_like_the_source()
    {
        var plan = NewPlan();
        var finance = new Department("財政課", 1);

        plan.SetCooperators([(finance, null), (null, "各公共施設所管課")], openEnded: false);
        Assert.Equal("財政課、各公共施設所管課", plan.CooperatorsText);

        plan.SetCooperators([(finance, null), (new Department("農業委員会事務局", 2), null)], openEnded: true);
        Assert.Equal("財政課、農業委員会事務局など", plan.CooperatorsText);
    }

    [Fact]
    public void A_cooperator_entry_must_be_a_department_or_a_group_word_not_both()
    {
        var plan = NewPlan();

        Assert.Throws<DomainException>(() => plan.SetCooperators([(new Department("財政課", 1), "全庁")], false));
        Assert.Throws<DomainException>(() => plan.SetCooperators([(null, null)], false));
    }

    [Fact]
    public void Several_executing_departments_are_kept_in_printed_order()
    {
        var plan = NewPlan();

        plan.SetExecutingDepartments([new Department("企画課", 1), new Department("情報システム課", 2)]);

        Assert.Equal("企画課、情報システム課", plan.ExecutingDepartmentsText);
        Assert.Throws<DomainException>(() => plan.SetExecutingDepartments([]));
    }

    [Fact]
    public void Text_items_keep_their_order_and_drop_blank_lines()
    {
        var plan = NewPlan();

        plan.SetItems(PlanTextSection.Actions, ["○一つ目", " ", "○二つ目 "]);
        plan.SetItems(PlanTextSection.Effects, ["効果"]);

        Assert.Equal(["○一つ目", "○二つ目"], plan.Items(PlanTextSection.Actions));
        Assert.Equal(["効果"], plan.Items(PlanTextSection.Effects));
    }

    [Fact]
    public void A_year_end_record_cannot_be_opened_outside_the_plan_period()
    {
        var plan = NewPlan(start: R6);

        Assert.False(plan.IsRunningIn(R5));
        Assert.True(plan.IsRunningIn(R6));
        Assert.Throws<DomainException>(() => plan.ReportForOrCreate(R5));
    }

    [Fact]
    public void A_published_grade_is_read_back_for_its_year_only()
    {
        var plan = NewPlan();

        plan.RecordPublishedResult(R5, string.Empty, EvaluationGrade.A, string.Empty);

        Assert.Equal(EvaluationGrade.A, plan.GradeFor(R5));
        Assert.Null(plan.GradeFor(R6));
    }

    [Fact]
    public void Yearly_targets_are_text_and_may_be_blank()
    {
        var plan = NewPlan();

        plan.SetTarget(R5, "証明書のコンビニ交付件数：4,300件");
        plan.SetTarget(R6, "");
        plan.SetTarget(R5, "行1\r\n行2");

        Assert.Equal("行1\n行2", plan.TargetFor(R5));
        Assert.Equal(string.Empty, plan.TargetFor(R6));
        Assert.Equal(string.Empty, plan.TargetFor(R9));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(18)]
    public void SDGs_goals_are_1_to_17(int goal)
    {
        Assert.Throws<DomainException>(() => NewPlan().SetSdgGoals([goal]));
    }

    [Theory]
    [InlineData("ICTの積極的な活用", ReformPerspective.ActiveIct)]
    [InlineData("I C Tの積極的な活用", ReformPerspective.ActiveIct)]
    [InlineData("ＩＣＴの積極的な活用", ReformPerspective.ActiveIct)]
    [InlineData("より良い未来のための行動", ReformPerspective.BetterFuture)]
    [InlineData("庁内連携の強化・全庁的な課題の共有", ReformPerspective.CrossDepartment)]
    [InlineData("社会の変化やニーズへの対応", ReformPerspective.SocialChange)]
    public void The_four_perspectives_are_read_whatever_the_spacing(string text, ReformPerspective expected)
    {
        Assert.True(ReformPerspectives.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("A", EvaluationGrade.A)]
    [InlineData("ｂ", EvaluationGrade.B)]
    [InlineData(" C ", EvaluationGrade.C)]
    public void Grades_are_A_B_or_C(string text, EvaluationGrade expected)
    {
        Assert.True(EvaluationGrades.TryParse(text, out var grade));
        Assert.Equal(expected, grade);
        Assert.False(EvaluationGrades.TryParse("D", out _));
    }
}
