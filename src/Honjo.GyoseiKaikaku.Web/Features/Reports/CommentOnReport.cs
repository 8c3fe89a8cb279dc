using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>A message for the report's thread.</summary>
public sealed record CommentRequest : IReportRequest
{
    public string? Year { get; init; }

    [StringLength(ReportComment.MaxBodyLength, ErrorMessage = "コメントは{1}文字以内で入力してください。")]
    public string? Body { get; init; }
}

/// <summary>
/// A message in the report's thread, from the department or the 企画課 (anyone else: 403). Refused without text or
/// once the year is closed; the other side is notified.
/// </summary>
public sealed class CommentOnReportHandler(AppDbContext db, ReportScopeLoader scopes, TimeProvider clock, ReportNotices notices)
{
    public Task<UseCaseResult<ReportEditorViewModel>> CommentAsync(
        PlanNumber number, CommentRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        scopes.RunAsync(number, request, inputErrors, user, PlanOperations.EditReport, scope => CommentAsync(scope, request, inputErrors, ct), ct);

    private async Task<UseCaseResult<ReportEditorViewModel>> CommentAsync(ReportScope scope, CommentRequest request, IReadOnlyList<string> inputErrors, CancellationToken ct)
    {
        var report = scope.Report;
        UseCaseResult<ReportEditorViewModel> Refused(string message)
        {
            var refused = scope.Refuse(StoredReport.Of(report), [message]);
            return refused with { Value = refused.Value! with { CommentInput = request.Body } };
        }

        if (inputErrors.Count > 0)
        {
            return Refused(inputErrors[0]);
        }

        ReportComment comment;
        try
        {
            comment = ReportComment.Write(scope.Plan.PlanKeyId, scope.Year, report, scope.Actor, request.Body, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return Refused(e.Message);
        }

        db.ReportComments.Add(comment);
        await notices.CommentedAsync(scope.Plan, scope.Year, comment, scope.User, ct);
        await db.SaveChangesAsync(ct);
        return scope.Done(report);
    }
}
