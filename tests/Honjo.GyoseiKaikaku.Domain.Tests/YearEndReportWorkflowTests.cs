using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class YearEndReportWorkflowTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportActor Department = new("u1", "市民課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: true);
    private static readonly ReportActor OtherDepartment = new("u2", "広報課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: false);
    private static readonly ReportActor PlanningOffice = new("u3", "企画課 担当者", IsPlanningOffice: true, IsPlanDepartmentEditor: false);

    private static YearEndReport NewReport() =>
        new Plan(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", new FiscalYear(5), new FiscalYear(9), ReformPerspective.ActiveIct)
            .ReportForOrCreate(R6);

    private static YearEndReport Submitted()
    {
        var report = NewReport();
        report.SaveDraft(Department, "交付件数は17,000件でした。", EvaluationGrade.A, "周知を継続します。", null);
        report.Submit(Department, Now);
        return report;
    }

    [Fact]
    public void A_new_report_is_not_started_and_saving_makes_it_a_draft()
    {
        var report = NewReport();
        Assert.Equal(ReportStatus.NotStarted, report.Status);

        report.SaveDraft(Department, "途中まで", null, null, null);

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal("途中まで", report.StatusReport);
        Assert.Equal(1, report.Version);
    }

    [Fact]
    public void Submitting_needs_all_three_fields_and_names_the_missing_ones()
    {
        var report = NewReport();
        report.SaveDraft(Department, "報告", null, " ", null);

        var error = Assert.Throws<DomainException>(() => report.Submit(Department, Now));

        Assert.Equal("提出するには年度末評価・次年度に向けた取組方針を入力してください。", error.Message);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void A_complete_draft_is_submitted_with_who_and_when()
    {
        var report = Submitted();

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(Now, report.SubmittedAt);
        Assert.Equal("市民課 担当者", report.SubmittedBy);
    }

    [Fact]
    public void A_submitted_report_cannot_be_edited_until_the_planning_office_has_reviewed_it()
    {
        var report = Submitted();

        Assert.Throws<DomainException>(() => report.SaveDraft(Department, "変更", EvaluationGrade.B, "変更", null));
        Assert.Equal("交付件数は17,000件でした。", report.StatusReport);
    }

    [Fact]
    public void Another_department_can_neither_save_nor_submit()
    {
        var report = NewReport();

        Assert.Throws<DomainException>(() => report.SaveDraft(OtherDepartment, "x", EvaluationGrade.A, "y", null));
        Assert.Equal(ReportStatus.NotStarted, report.Status);
    }

    [Fact]
    public void Only_the_planning_office_accepts_or_returns()
    {
        var report = Submitted();

        Assert.Throws<DomainException>(() => report.Accept(Department, Now));
        Assert.Throws<DomainException>(() => report.Return(Department, "理由", Now));
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Returning_needs_a_comment_the_department_then_sees()
    {
        var report = Submitted();

        Assert.Throws<DomainException>(() => report.Return(PlanningOffice, "  ", Now));
        report.Return(PlanningOffice, "実績の数値を追記してください。", Now);

        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal("実績の数値を追記してください。", report.ReviewComment);
        Assert.Equal("企画課 担当者", report.ReviewedBy);
    }

    [Fact]
    public void A_returned_report_is_edited_and_resubmitted()
    {
        var report = Submitted();
        report.Return(PlanningOffice, "追記してください。", Now);

        report.SaveDraft(Department, "交付件数は17,000件（目標16,800件）でした。", EvaluationGrade.A, "周知を継続します。", null);
        Assert.Equal(ReportStatus.Returned, report.Status);
        report.Submit(Department, Now.AddDays(1));

        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void An_accepted_report_is_locked_for_the_department()
    {
        var report = Submitted();
        report.Accept(PlanningOffice, Now);

        var error = Assert.Throws<DomainException>(() => report.SaveDraft(Department, "x", EvaluationGrade.C, "y", null));

        Assert.Contains("確認済", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.False(report.CanBeEditedBy(Department));
        Assert.False(report.CanBeEditedBy(PlanningOffice));
    }

    [Fact]
    public void Only_the_planning_office_reopens_an_accepted_report_and_it_must_say_why()
    {
        var report = Submitted();
        report.Accept(PlanningOffice, Now);

        Assert.Throws<DomainException>(() => report.Reopen(Department, "理由", Now));
        Assert.Throws<DomainException>(() => report.Reopen(PlanningOffice, "", Now));
        report.Reopen(PlanningOffice, "評価の根拠を補足してください。", Now);

        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal("評価の根拠を補足してください。", report.ReviewComment);
        Assert.True(report.CanBeEditedBy(Department));
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted)]
    [InlineData(ReportStatus.Draft)]
    [InlineData(ReportStatus.Returned)]
    public void Only_submitted_reports_can_be_accepted(ReportStatus status)
    {
        var report = NewReport();
        if (status != ReportStatus.NotStarted)
        {
            report.SaveDraft(Department, "a", EvaluationGrade.B, "b", null);
        }

        if (status == ReportStatus.Returned)
        {
            report.Submit(Department, Now);
            report.Return(PlanningOffice, "c", Now);
        }

        Assert.Equal(status, report.Status);
        Assert.Throws<DomainException>(() => report.Accept(PlanningOffice, Now));
    }

    [Fact]
    public void Every_change_moves_the_version_on()
    {
        var report = Submitted();
        var before = report.Version;

        report.Accept(PlanningOffice, Now);

        Assert.Equal(before + 1, report.Version);
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted, "2025-05-01", true)]
    [InlineData(ReportStatus.Returned, "2025-05-01", true)]
    [InlineData(ReportStatus.Submitted, "2025-05-01", false)]
    [InlineData(ReportStatus.Draft, "2025-04-30", false)]
    public void A_report_is_late_after_the_edition_deadline_until_handed_in(ReportStatus status, string today, bool late)
    {
        var edition = new Editions.BookletEdition(R6, "令和6年度 実施計画シート", "");
        edition.SetReportDeadline(new DateOnly(2025, 4, 30));

        Assert.Equal(late, edition.IsLate(status, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
