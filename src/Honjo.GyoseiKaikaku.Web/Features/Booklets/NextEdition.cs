using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>What to do with a plan whose 達成目標年度 is before the new edition's year.</summary>
public enum EndingAction
{
    /// <summary>完了 as of its 達成目標年度 (the default).</summary>
    Complete,

    /// <summary>Keep it: extend its 達成目標年度 (a 期間変更 with a reason).</summary>
    Extend,
}

/// <summary>The preview form as posted: one decision per plan that would end.</summary>
public sealed record NextEditionRequest
{
    public List<EndingDecision> Decisions { get; init; } = [];
}

public sealed record EndingDecision
{
    public string? Plan { get; init; }

    public EndingAction Action { get; init; }

    public string? ExtendTo { get; init; }

    public string? Reason { get; init; }
}

public sealed record CarriedPlan(PlanNumber Number, string Name, string Departments, FiscalYear TargetYear);

public sealed record EndingPlan(PlanNumber Number, string Name, string Departments, FiscalYear TargetYear, EndingDecision Decision);

public sealed record UnacceptedReport(PlanNumber Number, string Name, ReportStatus Status);

public sealed record NextEditionViewModel(
    FiscalYear From,
    FiscalYear To,
    IReadOnlyList<CarriedPlan> Carried,
    IReadOnlyList<EndingPlan> Ending,
    IReadOnlyList<UnacceptedReport> Unaccepted,
    IReadOnlyList<FiscalYear> ExtensionYears,
    IReadOnlyList<string> Errors)
{
    /// <summary>Set when the next edition cannot be made at all (the page explains why and offers no form).</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// Makes edition N+1 from edition N (ADR 0016): previews what carries over, what ends and which reports of year N are
/// still open, then creates the new edition as a draft with a copy of every carried plan version.
/// </summary>
public sealed class NextEditionHandler(
    AppDbContext db, Infrastructure.Auditing.IAuditLog audit, TimeProvider clock, Infrastructure.History.ICurrentUser user)
{
    public async Task<NextEditionViewModel?> PreviewAsync(FiscalYear from, CancellationToken ct)
    {
        var loaded = await LoadAsync(from, ct);
        return loaded?.Model;
    }

    /// <summary>
    /// Creates the next edition (Ok with the preview, whose <see cref="NextEditionViewModel.To"/> is the edition made).
    /// Refused: Conflict with the preview's refusal when it cannot be made at all, Invalid with the preview and its errors.
    /// </summary>
    public async Task<UseCaseResult<NextEditionViewModel>> CreateAsync(FiscalYear from, NextEditionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await LoadAsync(from, ct);
        if (loaded is null)
        {
            return UseCaseResult.NotFound<NextEditionViewModel>();
        }

        var (model, source, plans, outline) = loaded.Value;
        if (model.Refusal is not null)
        {
            return Refused(model);
        }

        var decisions = model.Ending.ToDictionary(
            e => e.Number,
            e => request.Decisions.FirstOrDefault(d => d.Plan == e.Number.ToString()) ?? e.Decision);
        var errors = new List<string>();
        var next = new BookletEdition(model.To, source.DraftTitleFor(model.To),
            source.IssuedLabel.Replace($"令和{from.Reiwa}年", $"令和{model.To.Reiwa}年", StringComparison.Ordinal));
        db.Editions.Add(next);
        foreach (var plan in plans)
        {
            try
            {
                if (plan.TargetYear >= model.To)
                {
                    db.Plans.Add(plan.CopyInto(next));
                    continue;
                }

                var decision = decisions[plan.PlanNumber];

                // The reason is typed in a wrapping box but prints as one 備考 line.
                var reason = decision.Reason?.ReplaceLineEndings(" ");
                if (decision.Action == EndingAction.Extend)
                {
                    if (!FiscalYear.TryParse(decision.ExtendTo, out var target) || target < model.To || !outline.Covers(target))
                    {
                        errors.Add($"{plan.PlanNumber}：延長後の達成目標年度は{model.To.Code}～{outline.EndYear.Code}から選んでください。");
                        continue;
                    }

                    var copy = plan.CopyInto(next);
                    copy.ExtendTo(target, reason, clock.GetUtcNow(), user.DisplayName);
                    db.Plans.Add(copy);
                }
                else
                {
                    plan.Key.End(PlanEndKind.Completed, plan.TargetYear, reason, clock.GetUtcNow());
                }
            }
            catch (DomainException e)
            {
                errors.Add($"{plan.PlanNumber}：{e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            var again = (await LoadAsync(from, ct))!.Value.Model;
            return Refused(again with
            {
                Errors = errors,
                Ending = again.Ending.Select(e => e with { Decision = decisions.GetValueOrDefault(e.Number) ?? e.Decision }).ToList(),
            });
        }

        audit.Record(Infrastructure.Auditing.AuditAction.EditionCreated, next.EditionName,
            $"{source.EditionName}から作成：引継ぎ{model.Carried.Count + decisions.Values.Count(d => d.Action == EndingAction.Extend)}件、完了{decisions.Values.Count(d => d.Action == EndingAction.Complete)}件");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people made it at once: the first one won (the unique year of editions).
            db.ChangeTracker.Clear();
            return Refused((await LoadAsync(from, ct))!.Value.Model);
        }

        return UseCaseResult.Ok(model);
    }

    /// <summary>A preview that cannot be made at all (its refusal) is a 409; one with errors in the decisions a 422.</summary>
    private static UseCaseResult<NextEditionViewModel> Refused(NextEditionViewModel model) =>
        model.Refusal is { } refusal
            ? UseCaseResult.Conflict(model, [refusal])
            : UseCaseResult.Invalid(model, model.Errors);

    private async Task<(NextEditionViewModel Model, BookletEdition Source, List<Plan> Plans, Domain.Outline.ReformOutline Outline)?> LoadAsync(
        FiscalYear from, CancellationToken ct)
    {
        var source = await db.Editions.FirstOrDefaultAsync(e => e.Year == from, ct);
        if (source is null)
        {
            return null;
        }

        var outline = await db.OutlineAsync(ct);
        var to = from.Next;
        db.ReadAs(ReportAudience.Everything);
        var plans = await db.Plans.WithWholeSheet().InEdition(source.Id).InBookletOrder().ToListAsync(ct);
        var refusal = source.Status == EditionStatus.Draft
            ? $"{source.EditionName}はまだ計画を公表していません。次の版は、計画を公表した版から作ります。"
            : !outline.Covers(to)
                ? $"{to.JapaneseName}は大綱の期間（{outline.StartYear.Code}～{outline.EndYear.Code}）を過ぎるため、次の版は作れません。"
                : await db.Editions.AnyAsync(e => e.Year == to, ct)
                    ? $"{to.JapaneseName}版は既にあります。"
                    : null;

        string Departments(Plan p) => p.ExecutingDepartmentsText;
        // A plan already ended (完了・廃止・統合 recorded on it) is not carried, whatever its 達成目標年度; its last
        // report still counts among the open ones.
        var all = plans;
        plans = plans.Where(p => p.Key.EndedYear is null).ToList();
        var carried = plans.Where(p => p.TargetYear >= to).Select(p => new CarriedPlan(p.PlanNumber, p.Name, Departments(p), p.TargetYear)).ToList();
        var ending = plans.Where(p => p.TargetYear < to)
            .Select(p => new EndingPlan(p.PlanNumber, p.Name, Departments(p), p.TargetYear, new EndingDecision
            {
                Plan = p.PlanNumber.ToString(),
                Action = EndingAction.Complete,
                ExtendTo = to.Code,
                Reason = $"達成目標年度（{p.TargetYear.JapaneseName}）に達したため完了",
            }))
            .ToList();
        var unaccepted = all.Where(p => p.IsRunningIn(from) && p.ReportFor(from) is not { Status: ReportStatus.Accepted })
            .Select(p => new UnacceptedReport(p.PlanNumber, p.Name, p.ReportFor(from)?.Status ?? ReportStatus.NotStarted))
            .ToList();
        var model = new NextEditionViewModel(from, to, carried, ending, unaccepted,
            FiscalYear.Range(to, outline.EndYear).ToList(), []) { Refusal = refusal };
        return (model, source, plans, outline);
    }
}
