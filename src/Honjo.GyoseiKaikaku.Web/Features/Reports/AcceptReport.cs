using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The 確認 form (企画課). Its own type, so what only acceptance asks for has a place.</summary>
public sealed record AcceptRequest : ReviewRequest;

/// <summary>確認済: the 企画課 accepts a submitted report; it is locked for the department.</summary>
public sealed class AcceptReportHandler(ReportReview review)
{
    public Task<UseCaseResult<ReportEditorViewModel>> AcceptAsync(
        PlanNumber number, AcceptRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        review.RunAsync(number, request, inputErrors, user, step => step.Report.Accept(step.Actor, step.Now), threadEntry: null, ct);
}
