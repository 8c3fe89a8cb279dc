using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>差戻し: the 企画課 returns a submitted report with a comment, which joins the report's thread.</summary>
public sealed class ReturnReportHandler(ReportReview review)
{
    public Task<UseCaseResult<ReportEditorViewModel>> ReturnAsync(
        PlanNumber number, ReviewRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return review.RunAsync(number, request, inputErrors, user, step => step.Report.Return(step.Actor, request.Comment, step.Now), ReportCommentKind.Returned, ct);
    }
}
