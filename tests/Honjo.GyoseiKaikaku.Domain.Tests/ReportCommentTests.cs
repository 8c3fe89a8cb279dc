using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class ReportCommentTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportActor Department = new("u1", "市民課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: true);
    private static readonly ReportActor OtherDepartment = new("u2", "広報課 担当者", IsPlanningOffice: false, IsPlanDepartmentEditor: false);
    private static readonly ReportActor PlanningOffice = new("u3", "企画課 担当者", IsPlanningOffice: true, IsPlanDepartmentEditor: false);

    private static YearEndReport Submitted()
    {
        var report = new Plan(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", new FiscalYear(5), new FiscalYear(9), ReformPerspective.ActiveIct)
            .ReportForOrCreate(R6);
        report.SaveDraft(Department, "交付件数は17,000件でした。", EvaluationGrade.A, "周知を継続します。", null);
        report.Submit(Department, Now);
        return report;
    }

    [Fact]
    public void The_department_and_the_planning_office_write_in_the_thread_with_who_and_when()
    {
        var fromDepartment = ReportComment.Write(7, R6, null, Department, "  目標の数値は何を使えばよいですか。 ", Now);
        var fromOffice = ReportComment.Write(7, R6, Submitted(), PlanningOffice, "R5の実績と比べてください。", Now.AddHours(1));

        Assert.Equal("目標の数値は何を使えばよいですか。", fromDepartment.Body);
        Assert.Equal(("u1", "市民課 担当者", false, ReportCommentKind.Message), (fromDepartment.AuthorId, fromDepartment.AuthorName, fromDepartment.FromPlanningOffice, fromDepartment.Kind));
        Assert.True(fromOffice.FromPlanningOffice);
        Assert.Equal(Now.AddHours(1), fromOffice.At);
    }

    [Fact]
    public void Another_department_may_not_write_and_a_message_needs_text_within_the_limit()
    {
        Assert.Equal("この報告にコメントする権限がありません。", Assert.Throws<DomainException>(() => ReportComment.Write(7, R6, null, OtherDepartment, "見ました", Now)).Message);
        Assert.Equal("コメントを入力してください。", Assert.Throws<DomainException>(() => ReportComment.Write(7, R6, null, Department, "  ", Now)).Message);
        Assert.Throws<DomainException>(() => ReportComment.Write(7, R6, null, Department, new string('あ', ReportComment.MaxBodyLength + 1), Now));
    }

    [Fact]
    public void A_closed_year_takes_no_more_messages()
    {
        var report = Submitted();
        report.Accept(PlanningOffice, Now);
        report.CloseYear();

        var error = Assert.Throws<DomainException>(() => ReportComment.Write(7, R6, report, PlanningOffice, "追記します", Now));

        Assert.Equal("令和6年度の実績は確定済のため、コメントは追加できません。", error.Message);
    }

    [Fact]
    public void A_return_and_a_reopen_become_thread_entries_with_their_reason()
    {
        var report = Submitted();
        report.Return(PlanningOffice, "目標との比較を書いてください。", Now.AddDays(1));

        var returned = ReportComment.OfReview(report, PlanningOffice, ReportCommentKind.Returned);

        Assert.Equal((ReportCommentKind.Returned, "目標との比較を書いてください。", Now.AddDays(1), true), (returned.Kind, returned.Body, returned.At, returned.FromPlanningOffice));
        Assert.Equal("差戻し", returned.KindLabel);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportComment.OfReview(report, PlanningOffice, ReportCommentKind.Message));
    }
}
