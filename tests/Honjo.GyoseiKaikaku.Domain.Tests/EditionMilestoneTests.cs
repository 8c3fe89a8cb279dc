using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>計画の公表 and 実績の確定: what each state of an edition, a plan version and a report allows.</summary>
public sealed class EditionMilestoneTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportActor Office = new("u3", "企画課", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
    private static readonly ReportActor Department = new("u1", "市民課", IsPlanningOffice: false, IsPlanDepartmentEditor: true);

    private static BookletEdition Edition() => new(R6, "令和6年度 実施計画シート", "令和6年4月");

    private static PublishedFile[] Files(PublishedKind kind) =>
    [
        new(PublishedFormat.Pdf, "a.pdf", "application/pdf", [1], Now, kind),
        new(PublishedFormat.Excel, "a.xlsx", "application/xlsx", [2], Now, kind),
    ];

    private static Plan NewPlan() =>
        new(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", new FiscalYear(5), new FiscalYear(9), ReformPerspective.ActiveIct);

    private static YearEndReport Accepted(Plan plan)
    {
        var report = plan.ReportForOrCreate(R6);
        report.SaveDraft(Department, "報告", EvaluationGrade.B, "方針", null);
        report.Submit(Department, Now);
        report.Accept(Office, Now);
        return report;
    }

    [Fact]
    public void A_new_edition_is_a_draft_and_publishing_it_locks_its_plan()
    {
        var edition = Edition();
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.False(edition.IsPlanLocked);

        edition.Publish(Now, Files(PublishedKind.Plan));

        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.True(edition.IsPlanLocked);
        Assert.False(edition.IsClosed);
        Assert.Equal(Now, edition.PublishedAt);
    }

    [Fact]
    public void Publishing_twice_is_refused()
    {
        var edition = Edition();
        edition.Publish(Now, Files(PublishedKind.Plan));

        var e = Assert.Throws<DomainException>(() => edition.Publish(Now, Files(PublishedKind.Plan)));

        Assert.Contains("公表済み", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_needs_both_plan_booklets()
    {
        Assert.Throws<DomainException>(() => Edition().Publish(Now, [Files(PublishedKind.Plan)[0]]));
        Assert.Throws<DomainException>(() => Edition().Publish(Now, Files(PublishedKind.Results)));
    }

    [Fact]
    public void Closing_a_draft_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => Edition().Close(Now, Files(PublishedKind.Results), []));

        Assert.Contains("計画の公表の後", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_with_reports_not_accepted_is_refused_and_names_them()
    {
        var edition = Edition();
        edition.Publish(Now, Files(PublishedKind.Plan));

        var e = Assert.Throws<DomainException>(() => edition.Close(Now, Files(PublishedKind.Results), [new PlanNumber(1, 9), new PlanNumber(2, 3)]));

        Assert.Contains("2件", e.Message, StringComparison.Ordinal);
        Assert.Contains("1-9、2-3", e.Message, StringComparison.Ordinal);
        Assert.Equal(EditionStatus.Published, edition.Status);
    }

    [Fact]
    public void Closing_a_published_edition_stores_the_results_and_a_second_close_is_refused()
    {
        var edition = Edition();
        edition.Publish(Now, Files(PublishedKind.Plan));

        edition.Close(Now.AddMonths(13), Files(PublishedKind.Results), []);

        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.True(edition.IsClosed);
        Assert.NotNull(edition.FileOf(PublishedFormat.Pdf, PublishedKind.Results));
        Assert.NotNull(edition.FileOf(PublishedFormat.Pdf, PublishedKind.Plan));
        Assert.Throws<DomainException>(() => edition.Close(Now, Files(PublishedKind.Results), []));
    }

    [Fact]
    public void A_locked_version_refuses_every_change_but_accepts_the_same_content()
    {
        var plan = NewPlan();
        plan.SetTarget(R6, "5,000件");
        plan.Lock();

        plan.Rename("コンビニ交付の普及推進");
        plan.SetTarget(R6, "5,000件");

        Assert.Throws<DomainException>(() => plan.Rename("別の名前"));
        Assert.Throws<DomainException>(() => plan.SetTarget(R6, "6,000件"));
        Assert.Throws<DomainException>(() => plan.SetYears(new FiscalYear(5), new FiscalYear(8)));
        Assert.Throws<DomainException>(() => plan.SetItems(PlanTextSection.Actions, ["新しい取組"]));
        Assert.Throws<DomainException>(() => plan.SetSdgGoals([3]));
        Assert.Throws<DomainException>(() => plan.ChangePerspective(ReformPerspective.SocialChange));
        Assert.Equal("コンビニ交付の普及推進", plan.Name);
        Assert.Equal("5,000件", plan.TargetFor(R6));
    }

    [Fact]
    public void The_target_of_a_year_whose_report_is_accepted_cannot_change()
    {
        var plan = NewPlan();
        plan.SetTarget(R6, "5,000件");
        Accepted(plan);

        var e = Assert.Throws<DomainException>(() => plan.SetTarget(R6, "4,000件"));

        Assert.Contains("確認済", e.Message, StringComparison.Ordinal);
        plan.SetTarget(new FiscalYear(7), "6,000件");
        Assert.Equal("6,000件", plan.TargetFor(new FiscalYear(7)));
    }

    [Fact]
    public void Only_an_accepted_report_can_be_closed()
    {
        var plan = NewPlan();
        var report = plan.ReportForOrCreate(R6);
        report.SaveDraft(Department, "途中", null, null, null);

        Assert.Throws<DomainException>(report.CloseYear);
        Assert.False(report.IsClosed);
    }

    [Fact]
    public void A_closed_report_refuses_every_change()
    {
        var report = Accepted(NewPlan());
        report.CloseYear();

        Assert.Throws<DomainException>(() => report.Reopen(Office, "訂正のため", Now));
        Assert.Throws<DomainException>(() => report.SaveDraft(Office, "書き換え", EvaluationGrade.A, "方針", null));
        Assert.False(report.CanBeReopenedBy(Office));
        Assert.False(report.CanBeEditedBy(Office));
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.Equal("報告", report.StatusReport);
    }
}
