using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Progress;

public sealed record DeadlineRequest
{
    public string? Year { get; init; }

    public DateOnly? Deadline { get; init; }
}

/// <summary>The 企画課 sets (or clears) the edition's 提出期限, recorded in the 操作ログ.</summary>
public sealed class SetDeadlineHandler(AppDbContext db, EditionResolver editions, Infrastructure.Auditing.IAuditLog audit)
{
    public async Task<UseCaseResult<Done>> SetDeadlineAsync(DeadlineRequest request, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(request.Year, ct);
        if (context is null)
        {
            return UseCaseResult.Invalid<Done>(default, "版が見つかりません。");
        }

        var edition = await db.Editions.SingleAsync(e => e.Id == context.Edition.Id, ct);
        var before = edition.ReportDeadline;
        try
        {
            edition.SetReportDeadline(request.Deadline);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        audit.Record(Infrastructure.Auditing.AuditAction.DeadlineChanged, edition.EditionName, Infrastructure.Auditing.AuditDetail.Change(before, request.Deadline));
        await db.SaveChangesAsync(ct);
        return UseCaseResult.Ok(Done.Value);
    }
}
