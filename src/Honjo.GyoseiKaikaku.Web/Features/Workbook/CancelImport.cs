using System.Security.Claims;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>Drops a previewed import; nothing is saved.</summary>
public sealed class CancelImportHandler(EditionResolver editions, PendingImportStore store)
{
    public async Task<UseCaseResult<WorkbookPreviewViewModel>> CancelAsync(WorkbookConfirmRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var import = await store.LoadAsync(request.Id, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
        var returnTo = MyPlansLink.Plain;
        if (import is not null)
        {
            await store.DeleteAsync(request.Id!, ct);
            var context = await editions.ResolveAsync(import.Year, ct);
            returnTo = context is null ? returnTo : WorkbookImportRules.ReturnTo(context, import.ReturnDepartment);
        }

        return UseCaseResult.Ok(new WorkbookPreviewViewModel(null, string.Empty, returnTo, []) { Notice = "Excelの取り込みを取り消しました。" + WorkbookImportRules.NothingSaved });
    }
}
