using System.Globalization;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using static Honjo.GyoseiKaikaku.Infrastructure.Workbooks.DepartmentWorkbookLayout;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// Uploading a filled-in department workbook: check the file, compare every plan sheet with the plan as it is now,
/// show what would change, and on confirmation save the changes as ordinary report edits — the same department check,
/// the same workflow rules (drafts only; 提出済 and 確認済 refuse), the same version rule — all or nothing.
/// </summary>
public sealed class WorkbookImportHandler(
    AppDbContext db,
    EditionResolver editions,
    IAuthorizationService authorization,
    UploadGuard guard,
    IDepartmentWorkbookReader reader,
    PendingImportStore store,
    TimeProvider clock)
{
    /// <summary>
    /// The self-grade rules of the form (ADR 0028) for one sheet, with the cell to fix: a C needs a 改善策 in 取組方針
    /// (C9); a grade that contradicts the 実績値 entered on screen needs the 評価の説明, which only the screen has.
    /// </summary>
    private static WorkbookProblem? GradeRuleProblem(Domain.Plans.Plan plan, FiscalYear year, string? gradeText, string? policy)
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

    private const string NothingSaved = "何も保存していません。";

    public async Task<WorkbookImportOutcome> PreviewAsync(WorkbookUploadRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await editions.ResolveAsync(request.Year, ct);
        if (context is null)
        {
            return WorkbookImportOutcome.NotFound;
        }

        var returnUrl = ReturnUrl(context, request.Department);
        var fileName = Path.GetFileName(request.File?.FileName ?? string.Empty);
        WorkbookImportOutcome Refuse(params string[] errors) =>
            new(WorkbookOutcomeKind.Refused, new WorkbookPreviewViewModel(context, fileName, returnUrl, [.. errors, NothingSaved]));

        if (request.File is not { Length: > 0 } file)
        {
            return Refuse("取り込むExcelファイルを選んでください。");
        }

        // The year's reports are entered between 計画の公表 and 実績の確定: say so before reading anything.
        if (EntryRefusal(context) is { } closed)
        {
            return Refuse(closed);
        }

        if (guard.IsTooLarge(file.Length))
        {
            return Refuse(guard.TooLargeMessage(file.Length));
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var check = guard.Check(content);
        if (!check.IsAccepted)
        {
            return Refuse(check.Message!);
        }

        var read = reader.Read(content);
        if (read.Workbook is not { } workbook)
        {
            return Refuse([.. read.Problems.Select(p => p.ToString())]);
        }

        var year = context.Year;
        if (workbook.Year != year)
        {
            return Refuse($"このファイルは{workbook.Year.JapaneseName}版（{workbook.Year.JapaneseName}の年度末報告）のものです。{year.JapaneseName}の報告には、{year.JapaneseName}版のファイルをダウンロードして使ってください。");
        }

        if (!user.IsInRole(AppRoles.PlanningOffice) && !workbook.Departments.All(d => user.DepartmentIds().Contains(d.Id)))
        {
            var own = await DepartmentNamesAsync(user.DepartmentIds(), ct);
            return new(WorkbookOutcomeKind.Forbidden, new WorkbookPreviewViewModel(context, fileName, returnUrl,
            [
                $"このファイルは「{string.Join("、", workbook.Departments.Select(d => d.Name))}」の計画のファイルです。あなたの担当部署（{own}）のファイルではないため、取り込めません。",
                NothingSaved,
            ]));
        }

        var problems = new List<WorkbookProblem>(read.Problems);
        var forbidden = false;
        var changes = new List<PlanChangePreview>();
        var pending = new List<PendingPlanChange>();
        var unchanged = new List<string>();
        var notes = new List<string>();
        var plans = await LoadPlansAsync(workbook.Sheets.Select(s => s.PlanId).ToList(), tracked: false, ct);
        foreach (var sheet in workbook.Sheets)
        {
            var plan = plans.GetValueOrDefault(sheet.PlanId);
            if (plan is null || plan.PlanNumber != sheet.Number || !plan.IsRunningIn(year))
            {
                problems.Add(new(sheet.SheetName, null, $"この計画はシステムに見つからないか、{year.JapaneseName}の実施期間外です。"));
                continue;
            }

            if (!await MayEditAsync(user, plan))
            {
                forbidden = true;
                problems.Add(new(sheet.SheetName, null, "この計画の年度末報告を編集する権限がありません。"));
                continue;
            }

            var current = WorkbookDownloadQuery.ToSheet(plan, year);
            var fields = Compare(year, current.Inputs, sheet.Inputs);
            if (fields.Count == 0)
            {
                unchanged.Add($"{plan.PlanNumber} {plan.Name}");
                continue;
            }

            if (!sheet.IsTouched)
            {
                // Nothing typed here: the difference is someone else's later save, which stays as it is.
                notes.Add($"シート「{sheet.SheetName}」：ダウンロードの後に{await LastChangeAsync(plan.PlanKeyId, year, ct)}が更新しています。このシートには入力がないため、取り込みません。");
                unchanged.Add($"{plan.PlanNumber} {plan.Name}");
                continue;
            }

            var refusals = await RefusalsAsync(sheet.SheetName, fields[0].Cell, year, plan, sheet.ContentFingerprint, sheet.ContentAtDownload, sheet.ReportVersion, ct);
            if (refusals.Count > 0)
            {
                problems.AddRange(refusals);
                continue;
            }

            var inputs = sheet.Inputs.Normalized();
            if (GradeRuleProblem(plan, year, inputs.Grade, inputs.NextYearPolicy) is { } gradeProblem)
            {
                problems.Add(gradeProblem with { Sheet = sheet.SheetName });
                continue;
            }

            changes.Add(new PlanChangePreview(sheet.SheetName, plan.PlanNumber, plan.Name, current.Status, fields));
            pending.Add(new PendingPlanChange(plan.Id, sheet.SheetName, fields[0].Cell, current.ReportVersion,
                WorkbookFingerprint.Content(plan.PlanNumber, current.Content), inputs.StatusReport, inputs.Grade, inputs.NextYearPolicy));
        }

        var model = new WorkbookPreviewViewModel(context, fileName, returnUrl, [])
        {
            Departments = string.Join("、", workbook.Departments.Select(d => d.Name)),
            DownloadedAt = workbook.DownloadedAt,
            DownloadedBy = workbook.UserName,
            LifetimeMinutes = (int)store.Lifetime.TotalMinutes,
        };
        if (problems.Count > 0)
        {
            return new(forbidden ? WorkbookOutcomeKind.Forbidden : WorkbookOutcomeKind.Refused,
                model with { Errors = [.. problems.Select(p => p.ToString()), NothingSaved] });
        }

        string? id = null;
        if (pending.Count > 0)
        {
            id = await store.SaveAsync(new PendingImport(
                user.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), year.Code, fileName, request.Department, pending), ct);
        }

        return new(WorkbookOutcomeKind.Ok, model with { Changes = changes, Unchanged = unchanged, Notes = notes, PendingId = id });
    }

    public async Task<WorkbookImportOutcome> ConfirmAsync(WorkbookConfirmRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var import = await store.LoadAsync(request.Id, userId, ct);
        var context = import is null ? null : await editions.ResolveAsync(import.Year, ct);
        if (import is null || context is null || !await store.DeleteAsync(request.Id!, ct))
        {
            var fallback = await editions.ResolveAsync(null, ct);
            return new(WorkbookOutcomeKind.Expired, new WorkbookPreviewViewModel(fallback, string.Empty, "/my/plans",
                [$"この取り込みは有効期限（{(int)store.Lifetime.TotalMinutes}分）が切れたか、すでに保存または取り消しが済んでいます。もう一度ファイルを取り込んでください。", NothingSaved])
            {
                AtConfirmation = true,
            });
        }

        var year = context.Year;
        var returnUrl = ReturnUrl(context, import.ReturnDepartment);
        var problems = new List<WorkbookProblem>();
        var plans = await LoadPlansAsync(import.Plans.Select(p => p.PlanId).ToList(), tracked: true, ct);
        foreach (var change in import.Plans)
        {
            var plan = plans.GetValueOrDefault(change.PlanId);
            if (plan is null || !plan.IsRunningIn(year))
            {
                problems.Add(new(change.Sheet, null, $"この計画はシステムに見つからないか、{year.JapaneseName}の実施期間外です。"));
                continue;
            }

            if (!await MayEditAsync(user, plan))
            {
                problems.Add(new(change.Sheet, null, "この計画の年度末報告を編集する権限がありません。"));
                continue;
            }

            var refusals = await RefusalsAsync(change.Sheet, change.Cell, year, plan, change.ContentFingerprint, null, change.ReportVersion, ct);
            if (refusals.Count > 0)
            {
                problems.AddRange(refusals);
                continue;
            }

            try
            {
                var grade = EvaluationGrades.TryParse(change.Grade, out var g) ? g : (EvaluationGrade?)null;
                var report = plan.ReportForOrCreate(year);

                // The workbook carries no 実績値 and no 評価の説明; the ones recorded on screen are kept, and the grade rules
                // of the form apply to them (ADR 0028).
                report.SaveDraft(user.ToReportActor(Resource(plan)), change.StatusReport, grade, change.NextYearPolicy, report.ActualValue,
                    plan.QuantityFor(year), report.GradeExplanation);
            }
            catch (DomainException e)
            {
                problems.Add(new(change.Sheet, null, e.Message));
            }
        }

        WorkbookImportOutcome Refused(IEnumerable<string> errors)
        {
            db.ChangeTracker.Clear();
            return new(WorkbookOutcomeKind.Refused, new WorkbookPreviewViewModel(context, import.FileName, returnUrl,
                [.. errors, "1件でも保存できない計画があるため、" + NothingSaved + "最新のファイルをダウンロードし直して、入力し直してください。"])
            {
                AtConfirmation = true,
            });
        }

        if (problems.Count > 0)
        {
            return Refused(problems.Select(p => p.ToString()));
        }

        try
        {
            // One SaveChanges: one transaction, with the history written by the interceptor inside it.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(["保存の途中で、他の人が同じ報告を更新しました。"]);
        }

        var numbers = string.Join("、", import.Plans.Select(p => p.Sheet));
        return new(WorkbookOutcomeKind.Applied, Notice: $"Excelから{import.Plans.Count}件の計画（{numbers}）の年度末報告を下書きとして保存しました。提出は各計画の年度末報告の画面から行ってください。", ReturnUrl: returnUrl);
    }

    public async Task<WorkbookImportOutcome> CancelAsync(WorkbookConfirmRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var import = await store.LoadAsync(request.Id, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
        string returnUrl = "/my/plans";
        if (import is not null)
        {
            await store.DeleteAsync(request.Id!, ct);
            var context = await editions.ResolveAsync(import.Year, ct);
            returnUrl = context is null ? returnUrl : ReturnUrl(context, import.ReturnDepartment);
        }

        return new(WorkbookOutcomeKind.Applied, Notice: "Excelの取り込みを取り消しました。" + NothingSaved, ReturnUrl: returnUrl);
    }

    /// <summary>Why no report of the edition's year can be entered now (a draft edition, or a closed year); null while open.</summary>
    private static string? EntryRefusal(EditionContext context) => context.Edition.Status switch
    {
        Domain.Editions.EditionStatus.Draft =>
            $"{context.Edition.Name}はまだ計画の公表前のため、{context.Year.JapaneseName}の取組状況報告は入力できません。企画課が計画を公表した後に取り込んでください。",
        Domain.Editions.EditionStatus.Closed =>
            $"{context.Year.JapaneseName}の実績は確定済のため、{context.Year.JapaneseName}の報告はExcelから変更できません。訂正が必要な場合は企画課が理由を付けて行います。",
        _ => null,
    };

    /// <summary>Why a changed sheet cannot be saved over the plan as it is now: state, a changed plan, a newer report.</summary>
    private async Task<List<WorkbookProblem>> RefusalsAsync(
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
    private async Task<string> LastChangeAsync(int planKeyId, FiscalYear year, CancellationToken ct)
    {
        var last = await db.History.AsNoTracking().Where(h => h.PlanKeyId == planKeyId && h.Year == year.Reiwa)
            .OrderByDescending(h => h.Id).Select(h => new { h.UserName, h.At }).FirstOrDefaultAsync(ct);
        return last is null
            ? "他の人"
            : $"{last.UserName}さん（{JapanTime.Stamp(last.At)}）";
    }

    private static List<CellChange> Compare(FiscalYear year, WorkbookInputs before, WorkbookInputs after)
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

    private async Task<bool> MayEditAsync(ClaimsPrincipal user, Plan plan) =>
        (await authorization.AuthorizeAsync(user, Resource(plan), PlanOperations.EditReport)).Succeeded;

    private static PlanResource Resource(Plan plan) => new(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());

    private async Task<Dictionary<int, Plan>> LoadPlansAsync(List<int> ids, bool tracked, CancellationToken ct)
    {
        var query = db.Plans.AsSplitQuery()
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .Where(p => ids.Contains(p.Id));
        return await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(p => p.Id, ct);
    }

    private async Task<string> DepartmentNamesAsync(IReadOnlySet<int> ids, CancellationToken ct)
    {
        var names = await db.Departments.AsNoTracking().Current().Where(d => ids.Contains(d.Id)).Select(d => d.Name).ToListAsync(ct);
        return names.Count == 0 ? "未設定" : string.Join("、", names);
    }

    private static string ReturnUrl(EditionContext context, int? department)
    {
        var query = new List<string>();
        if (context.HasSeveralEditions)
        {
            query.Add($"year={context.Year.Code}");
        }

        if (department is { } d)
        {
            query.Add($"department={d.ToString(CultureInfo.InvariantCulture)}");
        }

        return "/my/plans" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }
}
