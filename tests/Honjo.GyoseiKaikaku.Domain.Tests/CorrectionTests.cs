using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>
/// The rules around the milestones: the draft title, report entry opening at 計画の公表, and 訂正 — the only way a
/// published plan or a closed report changes, with a reason, publishing the booklet again as a new revision.
/// </summary>
public sealed class CorrectionTests
{
    private static readonly FiscalYear R5 = new(5);
    private static readonly FiscalYear R6 = new(6);
    private static readonly FiscalYear R7 = new(7);
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportActor Office = new("u3", "企画課", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
    private static readonly ReportActor Department = new("u1", "市民課", IsPlanningOffice: false, IsPlanDepartmentEditor: true);

    private static PublishedFile[] Files(PublishedKind kind, int revision = 1) =>
    [
        new(PublishedFormat.Pdf, "a.pdf", "application/pdf", [1, (byte)revision], Now, kind, revision),
        new(PublishedFormat.Excel, "a.xlsx", "application/xlsx", [2, (byte)revision], Now, kind, revision),
    ];

    private static (BookletEdition Edition, Plan Plan) DraftR6()
    {
        var edition = new BookletEdition(R6, "令和6年度 実施計画シート(案)", "令和6年 月");
        var plan = new Plan(new ReformField(1, "行政サービス改革"), 9, "コンビニ交付の普及推進", R5, new FiscalYear(9), ReformPerspective.ActiveIct);
        plan.PlaceIn(edition);
        return (edition, plan);
    }

    private static (BookletEdition Edition, Plan Plan) PublishedR6()
    {
        var (edition, plan) = DraftR6();
        edition.Publish(Now, Files(PublishedKind.Plan));
        plan.Lock();
        return (edition, plan);
    }

    private static (BookletEdition Edition, Plan Plan, YearEndReport Report) ClosedR6()
    {
        var (edition, plan) = PublishedR6();
        var report = plan.ReportForOrCreate(R6);
        report.SaveDraft(Department, "報告", EvaluationGrade.B, "方針", null);
        report.Submit(Department, Now);
        report.Accept(Office, Now);
        edition.Close(Now, Files(PublishedKind.Results), []);
        report.CloseYear();
        return (edition, plan, report);
    }

    [Theory]
    [InlineData("令和6年度 実施計画シート(案)")]
    [InlineData("令和6年度 実施計画シート（案）")]
    [InlineData("令和6年度 実施計画シート")]
    public void Publishing_drops_the_draft_mark_from_the_title_and_the_next_draft_has_it_again(string title)
    {
        var edition = new BookletEdition(R6, title, "令和6年 月");

        edition.Publish(Now, Files(PublishedKind.Plan));

        Assert.Equal("令和6年度 実施計画シート", edition.Title);
        Assert.Equal("令和7年度 実施計画シート(案)", edition.DraftTitleFor(R7));
    }

    [Fact]
    public void A_report_of_the_editions_year_is_refused_while_the_edition_is_a_draft_for_the_planning_office_too()
    {
        var (edition, plan) = DraftR6();

        var e = Assert.Throws<DomainException>(() => plan.ReportForOrCreate(R6));

        Assert.Equal("令和6年度版はまだ計画の公表前のため、令和6年度の取組状況報告は入力できません。企画課が計画を公表した後に入力してください。", e.Message);
        Assert.Null(plan.ReportFor(R6));
        Assert.False(edition.IsReportEntryOpen);
    }

    [Fact]
    public void A_report_of_the_editions_year_opens_at_publication_and_an_earlier_years_is_not_held_back()
    {
        var (edition, plan) = DraftR6();
        Assert.NotNull(plan.ReportForOrCreate(R5));

        edition.Publish(Now, Files(PublishedKind.Plan));

        Assert.True(edition.IsReportEntryOpen);
        plan.ReportForOrCreate(R6).SaveDraft(Department, "報告", null, string.Empty, null);
        Assert.Equal(ReportStatus.Draft, plan.ReportFor(R6)!.Status);
    }

    [Fact]
    public void A_published_version_changes_only_inside_a_correction_with_a_reason()
    {
        var (_, plan) = PublishedR6();

        Assert.Throws<DomainException>(() => plan.Rename("公表後の改名"));
        var noReason = Assert.Throws<DomainException>(() => plan.OpenForCorrection(" "));
        Assert.Equal("訂正の理由を入力してください。", noReason.Message);

        using (plan.OpenForCorrection("誤記の訂正"))
        {
            plan.Rename("訂正後の計画名");
        }

        Assert.Equal("訂正後の計画名", plan.Name);
        Assert.Throws<DomainException>(() => plan.Rename("訂正の後でもう一度"));
        Assert.Equal("訂正後の計画名", plan.Name);
    }

    [Fact]
    public void A_drafts_version_needs_no_correction()
    {
        var (_, plan) = DraftR6();

        var e = Assert.Throws<DomainException>(() => plan.OpenForCorrection("理由"));

        Assert.Contains("訂正は不要です", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_report_is_corrected_by_the_planning_office_with_a_reason_and_stays_accepted_and_closed()
    {
        var (_, _, report) = ClosedR6();
        var version = report.Version;

        Assert.Throws<DomainException>(() => report.Correct(Department, "直した報告", EvaluationGrade.A, "方針", null, "誤記"));
        Assert.Equal("訂正の理由を入力してください。", Assert.Throws<DomainException>(() => report.Correct(Office, "直した報告", EvaluationGrade.A, "方針", null, null)).Message);
        Assert.Contains("訂正する内容がありません", Assert.Throws<DomainException>(() => report.Correct(Office, "報告", EvaluationGrade.B, "方針", null, "誤記")).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => report.Correct(Office, string.Empty, EvaluationGrade.A, "方針", null, "誤記"));
        Assert.Equal(("報告", EvaluationGrade.B, version), (report.StatusReport, report.Grade, report.Version));

        report.Correct(Office, "直した報告", EvaluationGrade.A, "方針", null, "評価の誤記");

        Assert.Equal(("直した報告", EvaluationGrade.A, ReportStatus.Accepted, true), (report.StatusReport, report.Grade, report.Status, report.IsClosed));
        Assert.Equal(version + 1, report.Version);
    }

    [Fact]
    public void A_report_before_the_year_is_closed_is_reopened_not_corrected()
    {
        var (_, plan) = PublishedR6();
        var report = plan.ReportForOrCreate(R6);
        report.SaveDraft(Department, "報告", EvaluationGrade.B, "方針", null);
        report.Submit(Department, Now);
        report.Accept(Office, Now);

        var e = Assert.Throws<DomainException>(() => report.Correct(Office, "直した報告", EvaluationGrade.A, "方針", null, "誤記"));

        Assert.Contains("まだ確定していない", e.Message, StringComparison.Ordinal);
        Assert.Equal("報告", report.StatusReport);
    }

    [Fact]
    public void A_correction_is_recorded_with_the_next_revision_and_keeps_the_earlier_files()
    {
        var (edition, plan) = PublishedR6();
        Assert.Equal(2, edition.NextRevision(PublishedKind.Plan));

        var correction = edition.RecordCorrection(CorrectionKind.Plan, plan.Key.Id, "計画名の誤記", "企画課", Now, Files(PublishedKind.Plan, 2));

        Assert.Equal((CorrectionKind.Plan, "計画名の誤記", 2), (correction.Kind, correction.Reason, correction.Revision));
        Assert.Equal([1, 1, 2, 2], edition.Files.Select(f => f.Revision).Order());
        Assert.Equal(2, edition.FileOf(PublishedFormat.Pdf)!.Revision);
        Assert.Single(edition.Corrections);
    }

    [Fact]
    public void A_correction_is_refused_without_a_reason_in_a_draft_before_closing_for_a_report_or_with_a_wrong_revision()
    {
        var (draft, draftPlan) = DraftR6();
        Assert.Contains("訂正は不要です", Assert.Throws<DomainException>(() =>
            draft.RecordCorrection(CorrectionKind.Plan, draftPlan.Key.Id, "理由", "企画課", Now, Files(PublishedKind.Plan, 1))).Message, StringComparison.Ordinal);

        var (edition, plan) = PublishedR6();
        Assert.Throws<DomainException>(() => edition.RecordCorrection(CorrectionKind.Plan, plan.Key.Id, "  ", "企画課", Now, Files(PublishedKind.Plan, 2)));
        Assert.Throws<DomainException>(() => edition.RecordCorrection(CorrectionKind.Plan, plan.Key.Id, "理由", "企画課", Now, Files(PublishedKind.Plan, 1)));
        Assert.Throws<DomainException>(() => edition.RecordCorrection(CorrectionKind.Plan, plan.Key.Id, "理由", "企画課", Now, [Files(PublishedKind.Plan, 2)[0]]));
        Assert.Contains("まだ確定していない", Assert.Throws<DomainException>(() =>
            edition.RecordCorrection(CorrectionKind.Report, plan.Key.Id, "理由", "企画課", Now, Files(PublishedKind.Results, 1))).Message, StringComparison.Ordinal);
        Assert.Empty(edition.Corrections);
        Assert.Equal(2, edition.Files.Count);
    }

    [Fact]
    public void A_closed_years_report_correction_publishes_the_results_again()
    {
        var (edition, plan, _) = ClosedR6();

        var correction = edition.RecordCorrection(CorrectionKind.Report, plan.Key.Id, "評価の誤記", "企画課", Now, Files(PublishedKind.Results, 2));

        Assert.Equal(2, correction.Revision);
        Assert.Equal(2, edition.FileOf(PublishedFormat.Pdf, PublishedKind.Results)!.Revision);
        Assert.Equal(1, edition.FileOf(PublishedFormat.Pdf, PublishedKind.Plan)!.Revision);
    }
}
