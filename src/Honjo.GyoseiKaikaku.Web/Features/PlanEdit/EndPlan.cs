using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>The 終了 form: 完了, 廃止 or 統合 (into another plan of the edition), with a reason.</summary>
public sealed record EndPlanRequest
{
    public PlanEndKind? Kind { get; init; }

    [System.ComponentModel.DataAnnotations.StringLength(PlanKey.MaxEndReasonLength, ErrorMessage = "終了の理由は{1}文字以内で入力してください。")]
    public string? Reason { get; init; }

    /// <summary>For 統合: the number of the plan it joins ("1-12").</summary>
    public string? MergedInto { get; init; }
}

/// <summary>
/// 完了・廃止・統合: the 企画課 ends a plan as of the edition's year. Its report for that year is still entered; it is not
/// carried into later editions; its versions and reports stay readable, and the 目次 prints the year in 終了.
/// </summary>
public sealed class EndPlanHandler(AppDbContext db, Shared.EditionResolver editions, Infrastructure.Auditing.IAuditLog audit, TimeProvider clock)
{
    /// <summary>Ends the plan; NotFound for an unknown plan or edition, Invalid with the Japanese reason when refused.</summary>
    public async Task<UseCaseResult<Done>> EndAsync(PlanNumber number, string? year, EndPlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await editions.ResolveAsync(year, ct);
        var plan = context is null ? null : await db.Plans.Include(p => p.Key).FindAsync(number, context.Edition.Id, ct);
        if (context is null || plan is null)
        {
            return UseCaseResult.NotFound<Done>();
        }

        var later = await db.Plans.Where(p => p.PlanKeyId == plan.PlanKeyId && p.Edition!.Year > context.Year)
            .Select(p => p.Edition!.Year).OrderBy(y => y).FirstOrDefaultAsync(ct);
        if (later != default)
        {
            return UseCaseResult.Invalid<Done>(default, $"この計画は{later.JapaneseName}版にも載っているため、{context.Year.JapaneseName}では終了できません。{later.JapaneseName}版で終了してください。");
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return UseCaseResult.Invalid<Done>(default, "終了の種類（完了・廃止・統合）を選んでください。");
        }

        PlanKey? target = null;
        if (kind == PlanEndKind.Merged)
        {
            target = PlanNumber.TryParse(request.MergedInto?.Trim(), out var into)
                ? await db.Plans.InEdition(context.Edition.Id).Where(p => p.FieldNumber == into.Field && p.Number == into.Number).Select(p => p.Key).FirstOrDefaultAsync(ct)
                : null;
            if (target is null)
            {
                return UseCaseResult.Invalid<Done>(default, $"統合先の計画番号（例：1-12）を、{context.Edition.Name}に載っている計画から入力してください。");
            }
        }

        try
        {
            plan.Key.End(kind, context.Year, request.Reason, clock.GetUtcNow(), target);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        audit.Record(Infrastructure.Auditing.AuditAction.PlanEnded, $"{context.Edition.Name} {number}",
            $"{kind.DisplayName()}（{context.Year.Code}）{(target is null ? string.Empty : $"→{target.PlanNumber}")}：{plan.Key.EndReason}");
        await db.SaveChangesAsync(ct);
        return UseCaseResult.Ok(Done.Value);
    }
}
