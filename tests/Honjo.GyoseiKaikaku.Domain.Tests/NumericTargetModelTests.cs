using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class NumericTargetModelTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly ReportActor Department = new("u1", "市民課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: true);

    private static Plan NewPlan() =>
        new(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", new FiscalYear(5), new FiscalYear(9), ReformPerspective.ActiveIct);

    [Fact]
    public void Setting_a_target_stores_its_quantity_beside_the_text()
    {
        var plan = NewPlan();

        plan.SetTarget(R6, "証明書のコンビニ交付件数：16,800件");
        var target = plan.YearTargets.Single();

        Assert.Equal(16800m, target.TargetValue);
        Assert.Equal("件", target.TargetUnit);
        Assert.Equal(TargetDirection.AtLeast, target.TargetDirection);

        plan.SetTarget(R6, "前回実施時より減少させる");
        Assert.Null(target.TargetValue);
        Assert.Null(target.TargetUnit);
        Assert.Null(target.TargetDirection);
        Assert.Null(plan.QuantityFor(R6));
    }

    [Fact]
    public void The_actual_value_is_saved_with_the_draft()
    {
        var report = NewPlan().ReportForOrCreate(R6);

        report.SaveDraft(Department, "報告", EvaluationGrade.A, "方針", 17000m);

        Assert.Equal(17000m, report.ActualValue);
    }

    [Fact]
    public void A_negative_actual_value_is_refused()
    {
        var report = NewPlan().ReportForOrCreate(R6);

        var error = Assert.Throws<DomainException>(() => report.SaveDraft(Department, "報告", null, null, -1m));
        Assert.Contains("実績値", error.Message, StringComparison.Ordinal);
    }
}
