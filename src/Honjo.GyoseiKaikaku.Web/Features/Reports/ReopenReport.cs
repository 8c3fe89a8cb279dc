using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>再開: the 企画課 reopens an accepted report for the department, with a reason that joins the thread.</summary>
public sealed class ReopenReportHandler(ReportReview review)
{
    public Task<UseCaseResult<ReportEditorViewModel>> ReopenAsync(
        PlanNumber number, ReviewRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return review.RunAsync(number, request, inputErrors, user, step => step.Report.Reopen(step.Actor, request.Comment, step.Now), ReportCommentKind.Reopened, ct);
    }
}
