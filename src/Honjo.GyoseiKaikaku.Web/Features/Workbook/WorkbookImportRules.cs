using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using static Honjo.GyoseiKaikaku.Infrastructure.Workbooks.DepartmentWorkbookLayout;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// What the preview and the confirmation of a workbook import check the same way: whether entry is open, whether a
/// changed sheet can still be saved over its plan (state, a changed plan, a newer report), the department check.
/// </summary>
public sealed class WorkbookImportRules(AppDbContext db, IAuthorizationService authorization)
{
    /// <summary>
    /// The self-grade rules of the form (ADR 0028) for one sheet, with the cell to fix: a C needs a 改善策 in 取組方針
    /// (C9); a grade that contradicts the 実績値 entered on screen needs the 評価の説明, which only the screen has.
    /// </summary>
    public static WorkbookProblem? GradeRuleProblem(Plan plan, FiscalYear year, string? gradeText, string? policy)
    {
        var grade = EvaluationGrades.TryParse(gradeText, out var g) ? g : (EvaluationGrade?)null;
        var report = plan.ReportFor(year);
        var problem = GradeConsistency.Problem(year, grade, policy, plan.QuantityFor(year), report?.ActualValue, report?.GradeExplanation);
        if (problem is null)
        {
            return null;
        }

        return grade == EvaluationGrade.C && !GradeConsistency.HasImprovementNote(policy)
            ? new WorkbookProblem(null, NextYearPolicyCell, problem)
            : new WorkbookProblem(null, GradeCell, problem + "（Excelには実績値と評価の説明の欄がないため、画面の年度末報告で説明を入力するか、評価を見直してください。）");
    }

    public const string NothingSaved = "何も保存していません。";

    /// <summary>Why no report of the edition's year can be entered now (a draft edition, or a closed year); null while open.</summary>
    public static string? EntryRefusal(EditionContext context) => context.Edition.Status switch
    {
        Domain.Editions.EditionStatus.Draft =>
            $"{context.Edition.Name}はまだ計画の公表前のため、{context.Year.JapaneseName}の取組状況報告は入力できません。企画課が計画を公表した後に取り込んでください。",
        Domain.Editions.EditionStatus.Closed =>
            $"{context.Year.JapaneseName}の実績は確定済のため、{context.Year.JapaneseName}の報告はExcelから変更できません。訂正が必要な場合は企画課が理由を付けて行います。",
        _ => null,
    };

    /// <summary>Why a changed sheet cannot be saved over the plan as it is now: state, a changed plan, a newer report.</summary>
    public async Task<List<WorkbookProblem>> RefusalsAsync(
        string sheet, string cell, FiscalYear year, Plan plan, string contentFingerprint, WorkbookPlanContent? contentAtDownload, int reportVersion,
        CancellationToken ct)
    {
        var report = plan.ReportFor(year);
        var status = report?.Status ?? ReportStatus.NotStarted;
        if (status == ReportStatus.Accepted)
        {
            return [new(sheet, cell, "この報告は確認済のため変更できません。変更が必要な場合は企画課に再開を依頼してください。")];
        }

        if (status == ReportStatus.Submitted)
        {
            return [new(sheet, cell, "この報告は提出済のため、企画課の確認が終わるまで変更できません。")];
        }

        var content = WorkbookDownloadQuery.ContentOf(plan, year);
        if (WorkbookFingerprint.Content(plan.PlanNumber, content) != contentFingerprint)
        {
            var changed = new List<WorkbookProblem>();
            if (contentAtDownload is not null)
            {
                void Check(string address, string label, string before, string now)
                {
                    if (WorkbookText.Normalize(before) != WorkbookText.Normalize(now))
                    {
                        changed.Add(new(sheet, address, $"ダウンロードの後に、企画課が「{label}」を変更しました。最新のファイルをダウンロードし直して、入力し直してください。"));
                    }
                }

                Check(NameCell, "計画名", contentAtDownload.Name, content.Name);
                Check(DepartmentsCell, "実行課", contentAtDownload.Departments, content.Departments);
                Check(TargetCell, TargetLabel(year), contentAtDownload.Target, content.Target);
            }

            return changed.Count > 0
                ? changed
                : [new(sheet, null, "ダウンロードの後に、企画課が計画の内容を変更しました。最新のファイルをダウンロードし直して、入力し直してください。")];
        }

        if ((report?.Version ?? 0) != reportVersion)
        {
            var who = await LastChangeAsync(plan.PlanKeyId, year, ct);
            return [new(sheet, null, $"この計画の年度末報告は、ダウンロードの後に{who}が更新しました。最新のファイルをダウンロードし直して、入力し直してください。")];
        }

        return [];
    }

    /// <summary>"t-kikaku（2025/03/01 10:00）": who last changed the report, from the history; "他の人" when unknown.</summary>
    public async Task<string> LastChangeAsync(int planKeyId, FiscalYear year, CancellationToken ct) =>
        await db.LastReportChangeAsync(planKeyId, year, ct) is { } last ? $"{last.UserName}さん（{JapanTime.Stamp(last.At)}）" : "他の人";

    public static List<CellChange> Compare(FiscalYear year, WorkbookInputs before, WorkbookInputs after)
    {
        var b = before.Normalized();
        var a = after.Normalized();
        var changes = new List<CellChange>();
        foreach (var (cell, label) in InputCells(year))
        {
            var (old, now) = cell switch
            {
                StatusReportCell => (b.StatusReport, a.StatusReport),
                GradeCell => (b.Grade, a.Grade),
                _ => (b.NextYearPolicy, a.NextYearPolicy),
            };
            if (old != now)
            {
                changes.Add(new CellChange(cell, label, old, now));
            }
        }

        return changes;
    }

    public async Task<bool> MayEditAsync(ClaimsPrincipal user, Plan plan) =>
        (await authorization.AuthorizeAsync(user, PlanResource.Of(plan), PlanOperations.EditReport)).Succeeded;

    public Task<Dictionary<int, Plan>> LoadPlansAsync(List<int> ids, bool tracked, CancellationToken ct)
    {
        var query = db.Plans.WithReports().Where(p => ids.Contains(p.Id));
        return (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(p => p.Id, ct);
    }

    public async Task<string> DepartmentNamesAsync(IReadOnlySet<int> ids, CancellationToken ct)
    {
        var names = await db.Departments.AsNoTracking().Current().Where(d => ids.Contains(d.Id)).Select(d => d.Name).ToListAsync(ct);
        return names.Count == 0 ? "未設定" : string.Join("、", names);
    }

    public static MyPlansLink ReturnTo(EditionContext context, int? department) =>
        new(context.HasSeveralEditions ? context.Year.Code : null, department);
}
