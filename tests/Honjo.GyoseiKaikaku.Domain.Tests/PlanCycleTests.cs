using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>A plan carried from one edition to the next, extended, or ended.</summary>
public sealed class PlanCycleTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly FiscalYear R7 = new(7);

    private static Plan R6Plan()
    {
        var r6 = new BookletEdition(R6, "令和6年度 実施計画シート(案)", "令和6年 月");
        var plan = new Plan(new ReformField(1, "行政サービス改革"), 13, "窓口の改善", new FiscalYear(5), R6, ReformPerspective.ActiveIct);
        plan.SetExecutingDepartments([new Department("市民課", 1)]);
        plan.SetCooperators([(null, "全庁")], openEnded: false);
        plan.SetItems(PlanTextSection.Actions, ["取組1", "取組2"]);
        plan.SetItems(PlanTextSection.Remarks, ["<令和6年度計画変更>", "先の理由"]);
        plan.SetTarget(R6, "10件");
        plan.SetSdgGoals([9, 16]);
        plan.PlaceIn(r6);
        return plan;
    }

    [Fact]
    public void A_copy_for_the_next_edition_keeps_the_identity_and_every_part_of_the_content()
    {
        var plan = R6Plan();
        var r7 = new BookletEdition(R7, "令和7年度 実施計画シート(案)", "令和7年 月");

        var copy = plan.CopyInto(r7);

        Assert.Same(plan.Key, copy.Key);
        Assert.Same(r7, copy.Edition);
        Assert.Equal((plan.PlanNumber, plan.Name, plan.StartYear, plan.TargetYear), (copy.PlanNumber, copy.Name, copy.StartYear, copy.TargetYear));
        Assert.Equal(plan.ExecutingDepartmentsText, copy.ExecutingDepartmentsText);
        Assert.Equal(plan.CooperatorsText, copy.CooperatorsText);
        Assert.Equal(plan.Items(PlanTextSection.Actions), copy.Items(PlanTextSection.Actions));
        Assert.Equal(plan.TargetFor(R6), copy.TargetFor(R6));
        Assert.Equal([9, 16], copy.SdgGoals.Select(g => g.Goal));
        Assert.False(copy.IsLocked);
    }

    [Fact]
    public void A_plan_is_only_carried_forward()
    {
        var plan = R6Plan();

        Assert.Throws<DomainException>(() => plan.CopyInto(new BookletEdition(R6, "x", "x")));
    }

    [Fact]
    public void Extending_a_plan_changes_its_target_year_and_prints_the_reason_after_the_earlier_notes()
    {
        var copy = R6Plan().CopyInto(new BookletEdition(R7, "令和7年度 実施計画シート(案)", "令和7年 月"));

        copy.ExtendTo(new FiscalYear(8), "国の制度改正を待つため", DateTimeOffset.UtcNow, "企画課");

        Assert.Equal(new FiscalYear(8), copy.TargetYear);
        Assert.Equal(["<令和6年度計画変更>", "先の理由", "<令和7年度計画変更>", "国の制度改正を待つため"], copy.Items(PlanTextSection.Remarks));
    }

    [Fact]
    public void Extending_needs_a_reason_and_a_later_year()
    {
        var copy = R6Plan().CopyInto(new BookletEdition(R7, "x", "x"));

        Assert.Throws<DomainException>(() => copy.ExtendTo(new FiscalYear(8), " ", DateTimeOffset.UtcNow, "企画課"));
        Assert.Throws<DomainException>(() => copy.ExtendTo(R6, "理由", DateTimeOffset.UtcNow, "企画課"));
        Assert.Equal(R6, copy.TargetYear);
    }

    [Fact]
    public void A_plan_ends_once_with_a_reason()
    {
        var key = R6Plan().Key;

        Assert.Throws<DomainException>(() => key.End(PlanEndKind.Completed, R6, "", Recorded));
        Assert.Throws<DomainException>(() => key.End(PlanEndKind.Merged, R6, "統合先なし", Recorded));
        Assert.Null(key.EndedYear);
        key.End(PlanEndKind.Completed, R6, "達成したため", Recorded);

        Assert.Equal((R6, PlanEndKind.Completed, "達成したため", (DateTimeOffset?)Recorded), (key.EndedYear!.Value, key.EndKind!.Value, key.EndReason, key.EndedAt));
        Assert.Throws<DomainException>(() => key.End(PlanEndKind.Abolished, R7, "重ねて", Recorded));
    }

    [Theory]
    [InlineData(6, null, 6)] // a draft edition prints every end up to its year
    [InlineData(6, 1, 6)] // recorded before the edition was published
    [InlineData(6, -1, null)] // recorded after: the published edition reads as it was published
    [InlineData(7, null, null)] // an end after the edition's year is not its 終了
    public void An_edition_prints_the_end_it_held_when_it_was_published(int endedReiwa, int? publishedHoursAfterEnd, int? shown)
    {
        var published = publishedHoursAfterEnd is { } h ? Recorded.AddHours(h) : (DateTimeOffset?)null;

        Assert.Equal(shown, PlanKey.EndYearShownIn(new FiscalYear(endedReiwa), Recorded, R6, published)?.Reiwa);
    }

    private static readonly DateTimeOffset Recorded = new(2025, 4, 10, 0, 0, 0, TimeSpan.Zero);
}
