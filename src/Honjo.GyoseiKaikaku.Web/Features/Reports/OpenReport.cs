using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The report page of a plan for the edition's year, for those who may read the report (else 403).</summary>
public sealed class OpenReportHandler(ReportScopeLoader scopes)
{
    public Task<UseCaseResult<ReportEditorViewModel>> OpenAsync(PlanNumber number, string? year, ClaimsPrincipal user, CancellationToken ct) =>
        scopes.RunAsync(number, year, user, PlanOperations.ReadReport, scope => Task.FromResult(scope.Done(scope.Report)), ct);
}
