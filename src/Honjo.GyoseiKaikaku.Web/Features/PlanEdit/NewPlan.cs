using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>
/// 新規計画: the 企画課 adds a plan to a draft edition — the next free number in its field by default, starting in the
/// edition's year, every field validated as in plan editing. It takes its place in the 目次 by its number.
/// </summary>
public sealed class NewPlanHandler(AppDbContext db, Shared.EditionResolver editions, PlanEditHandler plans, Infrastructure.Auditing.IAuditLog audit)
{
    /// <summary>The empty form; NotFound for an unknown edition; Conflict (the form, saying why) once the edition is no longer a draft.</summary>
    public Task<UseCaseResult<PlanEditViewModel>> OpenAsync(string? year, int? field, CancellationToken ct) =>
        editions.RunAsync(year, context => OpenAsync(context, field, ct), ct);

    private async Task<UseCaseResult<PlanEditViewModel>> OpenAsync(Shared.EditionContext context, int? field, CancellationToken ct)
    {
        var outline = await db.OutlineAsync(ct);
        var fieldNumber = field ?? 1;
        var form = new PlanEditRequest
        {
            Field = fieldNumber,
            Number = await NextNumberAsync(fieldNumber, ct),
            StartYear = context.Year.Code,
            TargetYear = outline.EndYear.Code,
        };
        var page = await ModelAsync(context, form, [], ct);
        return Refusal(context) is { } refusal ? Refused(page, refusal) : UseCaseResult.Ok(page);
    }

    /// <summary>
    /// Adds the plan; Ok with the new plan's form (its number), Invalid with every problem, Conflict once the edition is
    /// no longer a draft, NotFound for an unknown edition.
    /// </summary>
    public Task<UseCaseResult<PlanEditViewModel>> CreateAsync(string? year, PlanEditRequest form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        return editions.RunAsync(year, context => CreateAsync(context, form, ct), ct);
    }

    private async Task<UseCaseResult<PlanEditViewModel>> CreateAsync(Shared.EditionContext context, PlanEditRequest form, CancellationToken ct)
    {
        if (Refusal(context) is { } refusal)
        {
            return Refused(await ModelAsync(context, form, [], ct), refusal);
        }

        var fields = await db.Fields.ToDictionaryAsync(f => f.Number, ct);
        var errors = new List<string>();
        if (form.Field is not { } fieldNumber || !fields.TryGetValue(fieldNumber, out var field))
        {
            return Invalid(await ModelAsync(context, form, ["改革分野を選んでください。"], ct));
        }

        if (form.Number is not { } number || number is < 1 or > 99)
        {
            return Invalid(await ModelAsync(context, form, ["番号は1～99の数字で入力してください。"], ct));
        }

        if (await db.PlanKeys.AnyAsync(k => k.FieldNumber == fieldNumber && k.Number == number, ct))
        {
            var free = await NextNumberAsync(fieldNumber, ct);
            return Invalid(await ModelAsync(context, form, [$"番号{fieldNumber}-{number}は既に使われています（この分野の次の空き番号は{fieldNumber}-{free}です）。"], ct));
        }

        var outline = await db.OutlineAsync(ct);
        var edition = await db.Editions.SingleAsync(e => e.Id == context.Edition.Id, ct);
        var plan = new Plan(field, number, "（新規計画）", context.Year, outline.EndYear, ReformPerspective.SocialChange);
        plan.PlaceIn(edition);
        errors.AddRange(await plans.ApplyFormAsync(plan, form, ct));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Invalid(await ModelAsync(context, form, errors.Distinct().ToList(), ct));
        }

        db.Plans.Add(plan);
        audit.Record(Infrastructure.Auditing.AuditAction.PlanAdded, $"{edition.EditionName} {plan.PlanNumber}", plan.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Invalid(await ModelAsync(context, form, [$"番号{fieldNumber}-{number}は、同時に追加された別の計画が先に使いました。番号を確認して、もう一度保存してください。"], ct));
        }

        return UseCaseResult.Ok(await ModelAsync(context, form, [], ct) with { Number = plan.PlanNumber });
    }

    /// <summary>The form again with its problems: 422.</summary>
    private static UseCaseResult<PlanEditViewModel> Invalid(PlanEditViewModel page) => UseCaseResult.Invalid(page, page.Errors);

    /// <summary>The edition is no longer a draft: 409, the form saying why.</summary>
    private static UseCaseResult<PlanEditViewModel> Refused(PlanEditViewModel page, string refusal) =>
        UseCaseResult.Conflict(page with { Errors = [refusal] }, [refusal]);

    private static string? Refusal(Shared.EditionContext context) => context.Edition.Status == EditionStatus.Draft
        ? null
        : $"{context.Edition.Name}は計画を公表済みのため、新しい計画は追加できません。新規計画は次の版（案）に追加してください。";

    /// <summary>One past the highest number ever used in the field, across every edition (ended plans keep their numbers).</summary>
    private async Task<int> NextNumberAsync(int field, CancellationToken ct) =>
        (await db.PlanKeys.Where(k => k.FieldNumber == field).MaxAsync(k => (int?)k.Number, ct) ?? 0) + 1;

    private async Task<PlanEditViewModel> ModelAsync(Shared.EditionContext context, PlanEditRequest form, IReadOnlyList<string> errors, CancellationToken ct)
    {
        var outline = await db.OutlineAsync(ct);
        var departments = await db.Departments.AsNoTracking().ActiveIn(context.Year).Select(d => new DepartmentLink(d.Id, d.Name)).ToListAsync(ct);
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.Number).ToListAsync(ct);
        return new PlanEditViewModel(
            context,
            new PlanNumber(form.Field is >= 1 and <= 9 ? form.Field.Value : 1, form.Number is >= 1 and <= 99 ? form.Number.Value : 1),
            string.Empty,
            form,
            departments,
            outline.Years.Select(y => y.Code).ToList(),
            errors)
        {
            IsNew = true,
            EditionName = context.Edition.Name,
            YearCode = context.Year.Code,
            Fields = fields.Select(f => (f.Number, f.Title)).ToList(),
        };
    }
}
