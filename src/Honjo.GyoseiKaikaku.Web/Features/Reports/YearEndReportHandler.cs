using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// Opening, saving, submitting and reviewing one plan's year-end record for an edition's fiscal year. Every call
/// loads the plan, checks the department rule for the operation, and lets the entity decide the state change.
/// A refused call saves nothing and answers with the report as stored, plus what the person typed: never a state
/// the database does not hold.
/// </summary>
public sealed class YearEndReportHandler(
    AppDbContext db,
    EditionResolver editions,
    IAuthorizationService authorization,
    TimeProvider clock,
    Booklets.CorrectionPublisher corrections,
    ReportNotices notices)
{
    private const string ChangedByOthers = "この報告は他の人が先に更新しました。最新の内容を確認してから、もう一度操作してください。";

    public async Task<ReportOutcome> OpenAsync(PlanNumber number, string? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, year, user, PlanOperations.ReadReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, StoredReport.Of(plan.ReportFor(context.Year)), []));
    }

    /// <summary>Saves a draft or submits; <c>inputErrors</c> are what model binding found (lengths, formats), in Japanese.</summary>
    public async Task<ReportOutcome> SaveAsync(
        PlanNumber number, ReportFormRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputErrors);
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.EditReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var stored = StoredReport.Of(plan.ReportFor(context.Year));
        var input = request.ToInput();
        if (inputErrors.Count > 0)
        {
            return Refuse(context, plan, user, resource, stored, input, inputErrors);
        }

        EvaluationGrade? grade = null;
        if (!string.IsNullOrWhiteSpace(request.Grade))
        {
            if (!EvaluationGrades.TryParse(request.Grade, out var parsed))
            {
                return Refuse(context, plan, user, resource, stored, input, ["年度末評価はA・B・Cのいずれかを選んでください。"]);
            }

            grade = parsed;
        }

        decimal? actual = null;
        if (plan.QuantityFor(context.Year) is { } quantity && !string.IsNullOrWhiteSpace(request.ActualValue))
        {
            if (!ActualValues.TryParse(request.ActualValue, out var value))
            {
                return Refuse(context, plan, user, resource, stored, input, [$"実績値は0以上の数値（{quantity.Unit}）で入力してください。"]);
            }

            actual = value;
        }

        if (stored.Version != request.Version)
        {
            return await ConflictAsync(context, plan, user, resource, request, ct);
        }

        var actor = user.ToReportActor(resource);
        YearEndReport report;
        try
        {
            report = plan.ReportForOrCreate(context.Year);
            report.SaveDraft(actor, request.StatusReport, grade, request.NextYearPolicy, actual);
            if (request.Command == ReportCommand.Submit)
            {
                report.Submit(actor, clock.GetUtcNow());
                await notices.SubmittedAsync(plan, context.Year, user, ct);
            }
        }
        catch (DomainException e)
        {
            // The entity may have taken part of the change before refusing; none of it is saved or shown.
            db.ChangeTracker.Clear();
            return Refuse(context, plan, user, resource, stored, input, [e.Message]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won: a newer version (DbUpdateConcurrencyException), or, for a report that did not
            // exist yet, the same plan and year inserted first (the unique index). Either way the person gets the
            // conflict page, not an error.
            db.ChangeTracker.Clear();
            var fresh = await LoadPlanAsync(number, context.Edition.Id, ct);
            if (fresh?.ReportFor(context.Year) is not { } current || current.Version == request.Version)
            {
                throw;
            }

            return await ConflictAsync(context, fresh, user, resource, request, ct);
        }

        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, StoredReport.Of(report), []));
    }

    /// <summary>
    /// 訂正 of a closed year's accepted report by the 企画課, with a reason: saved, recorded, and the results booklet and
    /// open data published again as the next revision. Refused (nothing saved) for a department, a year not closed, a
    /// missing reason, or a form older than the report (409, the input kept).
    /// </summary>
    public async Task<ReportOutcome> CorrectAsync(
        PlanNumber number, ReportCorrectionRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputErrors);
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.ReviewReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var report = plan.ReportFor(context.Year);
        var stored = StoredReport.Of(report);
        ReportOutcome Refused(ReportOutcomeKind kind, string message) => new(kind, ToModel(context, plan, user, resource, stored, [message]) with
        {
            Refusal = kind == ReportOutcomeKind.Conflict ? RefusalKind.Conflict : RefusalKind.Invalid,
            CorrectionInput = request.ToInput(),
            CorrectionReason = request.Reason,
        }, message);

        if (inputErrors.Count > 0)
        {
            return Refused(ReportOutcomeKind.Invalid, inputErrors[0]);
        }

        EvaluationGrade? grade = null;
        if (!string.IsNullOrWhiteSpace(request.Grade))
        {
            if (!EvaluationGrades.TryParse(request.Grade, out var parsed))
            {
                return Refused(ReportOutcomeKind.Invalid, "年度末評価はA・B・Cのいずれかを選んでください。");
            }

            grade = parsed;
        }

        decimal? actual = null;
        if (plan.QuantityFor(context.Year) is { } quantity && !string.IsNullOrWhiteSpace(request.ActualValue))
        {
            if (!ActualValues.TryParse(request.ActualValue, out var value))
            {
                return Refused(ReportOutcomeKind.Invalid, $"実績値は0以上の数値（{quantity.Unit}）で入力してください。");
            }

            actual = value;
        }

        var edition = plan.Edition!;
        try
        {
            edition.EnsureCorrectable(Domain.Editions.CorrectionKind.Report);
            if (report is null)
            {
                return Refused(ReportOutcomeKind.Invalid, "この計画には訂正する報告がありません。");
            }

            if (report.Version != request.Version)
            {
                return Refused(ReportOutcomeKind.Conflict, ChangedByOthers + "入力した内容は下の訂正の欄に残っています。");
            }

            report.Correct(user.ToReportActor(resource), request.StatusReport, grade, request.NextYearPolicy, actual, request.Reason);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Refused(ReportOutcomeKind.Invalid, e.Message);
        }

        try
        {
            await corrections.SaveAndRepublishAsync(edition, Domain.Editions.CorrectionKind.Report, plan.Key, request.Reason!, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = (await LoadPlanAsync(number, context.Edition.Id, ct))!;
            stored = StoredReport.Of(fresh.ReportFor(context.Year));
            plan = fresh;
            return Refused(ReportOutcomeKind.Conflict, ChangedByOthers + "入力した内容は下の訂正の欄に残っています。");
        }
        catch (Exception e) when (e is DomainException or Infrastructure.Pdf.PdfEngineUnavailableException or Booklets.BookletPaginationException)
        {
            db.ChangeTracker.Clear();
            return Refused(ReportOutcomeKind.Invalid, e.Message);
        }

        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, StoredReport.Of(report), []));
    }

    public Task<ReportOutcome> AcceptAsync(PlanNumber number, ReviewRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, inputErrors, user, (r, a, now) => r.Accept(a, now), null, ct);

    public Task<ReportOutcome> ReturnAsync(PlanNumber number, ReviewRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, inputErrors, user, (r, a, now) => r.Return(a, request.Comment, now), ReportCommentKind.Returned, ct);

    public Task<ReportOutcome> ReopenAsync(PlanNumber number, ReviewRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, inputErrors, user, (r, a, now) => r.Reopen(a, request.Comment, now), ReportCommentKind.Reopened, ct);

    /// <summary>
    /// A message in the report's thread, from the department or the 企画課 (anyone else: 403). Refused without text or
    /// once the year is closed; the other side is notified.
    /// </summary>
    public async Task<ReportOutcome> CommentAsync(PlanNumber number, CommentRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.EditReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var report = plan.ReportFor(context.Year);
        ReportOutcome Refused(string message)
        {
            var outcome = Refuse(context, plan, user, resource, StoredReport.Of(report), null, [message]);
            return outcome with { Model = outcome.Model! with { CommentInput = request.Body } };
        }

        if (inputErrors.Count > 0)
        {
            return Refused(inputErrors[0]);
        }

        ReportComment comment;
        try
        {
            comment = ReportComment.Write(plan.PlanKeyId, context.Year, report, user.ToReportActor(resource), request.Body, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return Refused(e.Message);
        }

        db.ReportComments.Add(comment);
        await notices.CommentedAsync(plan, context.Year, comment, user, ct);
        await db.SaveChangesAsync(ct);
        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, StoredReport.Of(report), []));
    }

    private async Task<ReportOutcome> ReviewAsync(
        PlanNumber number,
        ReviewRequest request,
        IReadOnlyList<string> inputErrors,
        ClaimsPrincipal user,
        Action<YearEndReport, ReportActor, DateTimeOffset> act,
        ReportCommentKind? threadEntry,
        CancellationToken ct)
    {
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.ReviewReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var report = plan.ReportFor(context.Year);
        var stored = StoredReport.Of(report);
        ReportOutcome Refused(string message) => Refuse(context, plan, user, resource, stored, null, [message], request.Comment);

        if (inputErrors.Count > 0)
        {
            return Refused(inputErrors[0]);
        }

        if (report is null)
        {
            return Refused("まだ報告が提出されていません。");
        }

        if (report.Version != request.Version)
        {
            return Refused(ChangedByOthers);
        }

        var actor = user.ToReportActor(resource);
        try
        {
            act(report, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Refused(e.Message);
        }

        // A 差戻し's or 再開's reason is kept for good as an entry of the report's thread.
        if (threadEntry is { } kind)
        {
            db.ReportComments.Add(ReportComment.OfReview(report, actor, kind));
        }

        await notices.ReviewedAsync(plan, context.Year, report.Status, report.ReviewComment, threadEntry == ReportCommentKind.Reopened, user, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = (await LoadPlanAsync(number, context.Edition.Id, ct))!;
            return Refuse(context, fresh, user, resource, StoredReport.Of(fresh.ReportFor(context.Year)), null, [ChangedByOthers], request.Comment);
        }

        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, StoredReport.Of(report), []));
    }

    /// <summary>The report changed since the form was opened: show what changed and by whom, keep the input.</summary>
    private async Task<ReportOutcome> ConflictAsync(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, ReportFormRequest request, CancellationToken ct)
    {
        var current = StoredReport.Of(plan.ReportFor(context.Year));
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string now)
        {
            if ((before ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal) != now)
            {
                changes.Add(new FieldChange(field, before ?? string.Empty, now));
            }
        }

        Compare($"{context.Year.Code}年度末の取組状況報告", request.BaseStatusReport, current.StatusReport);
        if (plan.QuantityFor(context.Year) is not null)
        {
            Compare("実績値", request.BaseActualValue, current.ActualValueText);
        }

        Compare("年度末評価", request.BaseGrade, current.Grade?.ToString() ?? string.Empty);
        Compare($"{context.Year.Next.Code}年度に向けた取組方針", request.BaseNextYearPolicy, current.NextYearPolicy);

        var last = await db.History.AsNoTracking().Where(h => h.PlanKeyId == plan.PlanKeyId && h.Year == context.Year.Reiwa)
            .OrderByDescending(h => h.Id).Select(h => new { h.UserId, h.UserName, h.At }).FirstOrDefaultAsync(ct);
        var own = last is not null && last.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        var input = request.ToInput();
        var model = ToModel(context, plan, user, resource, current, []);
        var who = own ? "この報告は、あなたが別の画面（タブ）で先に保存しています。" : "他の人がこの報告を先に保存しました。";
        var what = model.CanEdit
            ? "この画面の変更は保存されていません。下の表で先に保存された内容を確認し、入力内容を見直してから保存し直してください。フォームにはあなたの入力内容が残っています。"
            : $"この報告は現在「{current.Status.DisplayName()}」のため編集できません。この画面の入力内容は保存されていません（下に表示しています）。";
        return new ReportOutcome(ReportOutcomeKind.Conflict, model with
        {
            Errors = [who + what],
            Refusal = RefusalKind.Conflict,
            Input = input,
            Conflict = changes,
            ConflictBy = last is null ? null : $"{last.UserName}、{JapanTime.Stamp(last.At)}",
            ConflictIsOwn = own,
        });
    }

    private static ReportOutcome Refuse(
        EditionContext context,
        Plan plan,
        ClaimsPrincipal user,
        PlanResource resource,
        StoredReport stored,
        ReportInput? input,
        IReadOnlyList<string> errors,
        string? reviewInput = null)
    {
        var model = ToModel(context, plan, user, resource, stored, errors) with { Refusal = RefusalKind.Invalid, Input = input, ReviewInput = reviewInput };
        return new ReportOutcome(ReportOutcomeKind.Invalid, model, errors.Count > 0 ? errors[0] : null);
    }

    private async Task<(ReportOutcome? Outcome, (EditionContext Context, Plan Plan, PlanResource Resource) Value)> LoadAsync(
        PlanNumber number, string? year, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        var plan = context is null ? null : await LoadPlanAsync(number, context.Edition.Id, ct);
        if (context is null || plan is null || !plan.IsRunningIn(context.Year))
        {
            return (ReportOutcome.NotFound, default);
        }

        var resource = new PlanResource(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());
        var allowed = await authorization.AuthorizeAsync(user, resource, operation);
        return allowed.Succeeded ? (null, (context, plan, resource)) : (ReportOutcome.Forbidden, default);
    }

    private Task<Plan?> LoadPlanAsync(PlanNumber number, int editionId, CancellationToken ct) =>
        db.Plans.AsSplitQuery()
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .FindAsync(number, editionId, ct);

    private static ReportEditorViewModel ToModel(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, StoredReport stored, IReadOnlyList<string> errors)
    {
        var actor = user.ToReportActor(resource);
        var quantity = plan.QuantityFor(context.Year);

        // Entry of the year's reports opens at 計画の公表 (the entity refuses before; the page says so up front).
        var entryOpen = plan.Edition is not { Status: Domain.Editions.EditionStatus.Draft };
        return new ReportEditorViewModel(
            context,
            plan.PlanKeyId,
            plan.PlanNumber,
            plan.Name,
            plan.ExecutingDepartmentsText,
            plan.TargetFor(context.Year),
            stored,
            CanEdit: actor.CanEdit && entryOpen && stored.Status.IsEditable() && !stored.IsClosed,
            CanReview: actor.IsPlanningOffice && stored.Status == ReportStatus.Submitted && !stored.IsClosed,
            CanReopen: actor.IsPlanningOffice && stored.Status == ReportStatus.Accepted && !stored.IsClosed,
            errors,
            Quantity: quantity,
            Achievement: quantity is not null && stored.ActualValue is { } v ? quantity.Evaluate(v) : null)
        {
            EntryNotOpen = entryOpen ? null : plan.Edition!.ReportEntryNotOpenMessage,
            CanCorrect = actor.IsPlanningOffice && stored.IsClosed && plan.Edition is { IsClosed: true },
            ShowsThread = actor.CanEdit,
            CanComment = actor.CanEdit && !stored.IsClosed,
        };
    }
}
