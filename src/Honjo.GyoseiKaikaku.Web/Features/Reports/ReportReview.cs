using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>A review action's form: accept, return with a comment, reopen with a reason.</summary>
public record ReviewRequest : IReportRequest
{
    public string? Year { get; init; }

    public int Version { get; init; }

    [StringLength(YearEndReport.MaxCommentLength, ErrorMessage = "コメントは{1}文字以内で入力してください。")]
    public string? Comment { get; init; }

    /// <summary>"review" when the report was opened from the 企画課's queue; kept to offer the next one.</summary>
    public string? Queue { get; init; }

    /// <summary>The queue's department filter.</summary>
    public int? QueueDepartment { get; init; }
}

/// <summary>What a review action does to the report once loaded, checked and current: call the entity.</summary>
/// <param name="Scope">The plan, year and person.</param>
/// <param name="Report">The report, tracked.</param>
/// <param name="Actor">The 企画課 person as the workflow knows them.</param>
/// <param name="Now">The moment of the action.</param>
public sealed record ReviewStep(ReportScope Scope, YearEndReport Report, ReportActor Actor, DateTimeOffset Now);

/// <summary>
/// What 確認 (<see cref="AcceptReportHandler"/>), 差戻し (<see cref="ReturnReportHandler"/>) and 再開
/// (<see cref="ReopenReportHandler"/>) share: the 企画課's check, a report that exists and is the version the page
/// showed, the entity's decision, the thread entry, the notice to the department, and one save. A refusal saves nothing
/// and keeps the typed comment.
/// </summary>
public sealed class ReportReview(AppDbContext db, ReportScopeLoader scopes, TimeProvider clock, ReportNotices notices)
{
    public const string ChangedByOthers = "この報告は他の人が先に更新しました。最新の内容を確認してから、もう一度操作してください。";

    /// <param name="number">The plan.</param>
    /// <param name="request">The review form.</param>
    /// <param name="inputErrors">What model binding found, in Japanese.</param>
    /// <param name="user">The person.</param>
    /// <param name="act">Calls the entity; a <see cref="DomainException"/> it throws is the refusal's message.</param>
    /// <param name="threadEntry">The thread entry the comment becomes (a 差戻し's or 再開's reason); null for none.</param>
    /// <param name="ct">Cancels the request.</param>
    public Task<UseCaseResult<ReportEditorViewModel>> RunAsync(
        PlanNumber number,
        ReviewRequest request,
        IReadOnlyList<string> inputErrors,
        ClaimsPrincipal user,
        Action<ReviewStep> act,
        ReportCommentKind? threadEntry,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(act);
        return scopes.RunAsync(number, request, inputErrors, user, PlanOperations.ReviewReport, scope => RunAsync(scope, request, inputErrors, act, threadEntry, ct), ct);
    }

    private async Task<UseCaseResult<ReportEditorViewModel>> RunAsync(ReportScope scope, ReviewRequest request, IReadOnlyList<string> inputErrors, Action<ReviewStep> act, ReportCommentKind? threadEntry, CancellationToken ct)
    {
        var report = scope.Report;
        var stored = StoredReport.Of(report);
        UseCaseResult<ReportEditorViewModel> Refused(string message) => scope.Refuse(stored, [message], reviewInput: request.Comment);

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

        var actor = scope.Actor;
        try
        {
            act(new ReviewStep(scope, report, actor, clock.GetUtcNow()));
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

        await notices.ReviewedAsync(scope.Plan, scope.Year, report.Status, report.ReviewComment, threadEntry == ReportCommentKind.Reopened, scope.User, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var fresh = (await scopes.ReloadAsync(scope, ct))!;
            return fresh.Refuse(StoredReport.Of(fresh.Report), [ChangedByOthers], reviewInput: request.Comment);
        }

        return scope.Done(report);
    }
}
