using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The report page of a plan for the edition's year, for those who may read the report (else 403).</summary>
public sealed class OpenReportHandler(ReportScopeLoader scopes)
{
    public async Task<UseCaseResult<ReportEditorViewModel>> OpenAsync(PlanNumber number, string? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var loaded = await scopes.LoadAsync(number, year, user, PlanOperations.ReadReport, ct);
        return loaded.Value is { } scope ? scope.Done(scope.Report) : loaded.As<ReportEditorViewModel>();
    }
}
