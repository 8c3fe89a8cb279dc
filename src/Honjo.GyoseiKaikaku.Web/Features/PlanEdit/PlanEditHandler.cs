using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>企画課 edits a plan's content. Every problem is reported at once, in Japanese; nothing is saved unless all is valid.</summary>
public sealed class PlanEditHandler(
    AppDbContext db, Shared.EditionResolver editions, TimeProvider clock, Infrastructure.History.ICurrentUser user, Booklets.CorrectionPublisher corrections)
{
    private const string ChangedByOthers = "この計画は他の人が先に更新しました。あなたの入力は残っています。最新の内容（計画シート・履歴）を確認してから保存し直してください。";

    private static readonly char[] LineBreaks = ['\n'];

    /// <summary>Saved: nothing to show, the controller redirects.</summary>
    private static readonly UseCaseResult<PlanEditViewModel> Saved = new(UseCaseStatus.Ok);

    /// <summary>The form; <paramref name="correction"/> opens a published version's 訂正 form (refused, with the reason why, for a draft's).</summary>
    public async Task<PlanEditViewModel?> OpenAsync(PlanNumber number, string? year, bool correction, CancellationToken ct)
    {
        var plan = await LoadAsync(number, year, ct);
        if (plan is null)
        {
            return null;
        }

        if (correction && !plan.IsFixed)
        {
            return await ToModelAsync(plan, ToForm(plan), [NotFixed(plan)], ct);
        }

        return await ToModelAsync(plan, ToForm(plan), [], ct, correction: correction);
    }

    /// <summary>Ok when saved; otherwise the form again with its errors (Conflict when someone saved first), or NotFound.</summary>
    public async Task<UseCaseResult<PlanEditViewModel>> SaveAsync(PlanNumber number, string? year, PlanEditRequest form, bool correction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await LoadAsync(number, year, ct);
        if (plan is null)
        {
            return UseCaseResult.NotFound<PlanEditViewModel>();
        }

        if (plan.Version != form.Version)
        {
            return Refused(await ToModelAsync(plan, form, [ChangedByOthers], ct, currentVersion: true, correction: correction) with { IsConflict = true });
        }

        if (correction)
        {
            return await CorrectAsync(plan, number, year, form, ct) is { } refused ? Refused(refused) : Saved;
        }

        var errors = await ApplyFormAsync(plan, form, ct);

        // A plan carried over from an earlier edition changes only by a 計画変更 with a kind and a reason.
        if (plan.IsCarriedOver && db.Entry(plan).Property(p => p.Version).IsModified && errors.Count == 0)
        {
            if (form.ChangeType is not { } type)
            {
                errors.Add("前の版から引き継いだ計画を変更するときは、計画変更の種類を選んでください。");
            }
            else
            {
                try
                {
                    plan.RecordChange(type, form.ChangeReason, clock.GetUtcNow(), user.DisplayName);
                }
                catch (DomainException e)
                {
                    errors.Add(e.Message);
                }
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            var fresh = (await LoadAsync(number, year, ct))!;
            return Refused(await ToModelAsync(fresh, form, errors.Distinct().ToList(), ct));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = (await LoadAsync(number, year, ct))!;
            return Refused(await ToModelAsync(fresh, form, [ChangedByOthers], ct, currentVersion: true) with { IsConflict = true });
        }

        return Saved;
    }

    /// <summary>The form again with its errors: 409 when someone saved first, otherwise 422.</summary>
    private static UseCaseResult<PlanEditViewModel> Refused(PlanEditViewModel page) =>
        page.IsConflict ? UseCaseResult.Conflict(page, page.Errors) : UseCaseResult.Invalid(page, page.Errors);

    /// <summary>
    /// 訂正 of a published version: the form's changes with a reason, only through the entity's correction scope; then the
    /// plan booklet is published again (<see cref="Booklets.CorrectionPublisher"/>). Null when done; otherwise the form
    /// again with every problem, nothing saved.
    /// </summary>
    private async Task<PlanEditViewModel?> CorrectAsync(Plan plan, PlanNumber number, string? year, PlanEditRequest form, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!plan.IsFixed)
        {
            errors.Add(NotFixed(plan));
        }
        else
        {
            try
            {
                using (plan.OpenForCorrection(form.CorrectionReason))
                {
                    errors.AddRange(await ApplyFormAsync(plan, form, ct));
                }

                if (errors.Count == 0 && !db.Entry(plan).Property(p => p.Version).IsModified)
                {
                    errors.Add("訂正する内容がありません（保存されている内容と同じです）。");
                }
            }
            catch (DomainException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count == 0)
        {
            try
            {
                await corrections.SaveAndRepublishAsync(plan.Edition!, Domain.Editions.CorrectionKind.Plan, plan.Key, form.CorrectionReason!, ct);
                return null;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = (await LoadAsync(number, year, ct))!;
                return await ToModelAsync(current, form, [ChangedByOthers], ct, currentVersion: true, correction: true) with { IsConflict = true };
            }
            catch (Exception e) when (e is DomainException || Booklets.ExportFailures.Are(e))
            {
                errors.Add(e.Message);
            }
        }

        db.ChangeTracker.Clear();
        var fresh = (await LoadAsync(number, year, ct))!;
        return await ToModelAsync(fresh, form, errors.Distinct().ToList(), ct, correction: fresh.IsFixed);
    }

    private static string NotFixed(Plan plan) =>
        $"{plan.Edition!.EditionName}はまだ案（計画の公表前）のため、訂正は不要です。計画の編集でそのまま変更してください。";

    /// <summary>
    /// Applies every field of <paramref name="form"/> to <paramref name="plan"/> and returns every problem at once, in
    /// Japanese (editing a plan and adding a new one validate the same way). Nothing is saved here.
    /// </summary>
    public async Task<List<string>> ApplyFormAsync(Plan plan, PlanEditRequest form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, ct);
        var byName = departments.Values.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var outline = await db.OutlineAsync(ct);

        // After a 組織改正 the edition names the successor; the replaced department is not offered and not accepted.
        string? NotInYear(Department d) => plan.Edition is { } edition && !d.IsActiveIn(edition.Year)
            ? $"「{d.Name}」は{edition.Year.JapaneseName}にはない部署です（組織改正で{(d.SuccessorId is { } s && departments.TryGetValue(s, out var next) ? $"「{next.Name}」" : "別の部署")}になりました）。"
            : null;

        void Try(Action action)
        {
            try
            {
                action();
            }
            catch (DomainException e)
            {
                errors.Add(e.Message);
            }
        }

        Try(() => plan.Rename(form.Name ?? string.Empty));

        var executing = new List<Department>();
        foreach (var id in form.ExecutingDepartmentIds.Distinct())
        {
            if (departments.TryGetValue(id, out var d) && NotInYear(d) is { } gone)
            {
                errors.Add(gone);
            }
            else if (d is not null)
            {
                executing.Add(d);
            }
            else
            {
                errors.Add("存在しない部署が実行課に指定されています。");
            }
        }

        Try(() => plan.SetExecutingDepartments(executing));

        var cooperators = new List<(Department?, string?)>();
        foreach (var entry in SplitCooperators(form.Cooperators))
        {
            if (byName.TryGetValue(entry, out var d) && NotInYear(d) is { } gone)
            {
                errors.Add(gone);
            }
            else if (d is not null)
            {
                cooperators.Add((d, null));
            }
            else if (PlanCooperator.KnownGroupWords.Contains(entry))
            {
                cooperators.Add((null, entry));
            }
            else
            {
                errors.Add($"連携課「{entry}」は部署名にも区分（{string.Join("・", PlanCooperator.KnownGroupWords)}）にもありません。");
            }
        }

        Try(() => plan.SetCooperators(cooperators, form.CooperatorsOpenEnded));

        if (!FiscalYear.TryParse(form.StartYear, out var start) || !outline.Covers(start))
        {
            errors.Add($"開始年度は{outline.StartYear}～{outline.EndYear}から選んでください。");
        }
        else if (!FiscalYear.TryParse(form.TargetYear, out var target) || !outline.Covers(target))
        {
            errors.Add($"達成目標年度は{outline.StartYear}～{outline.EndYear}から選んでください。");
        }
        else
        {
            Try(() => plan.SetYears(start, target));
        }

        if (form.Perspective is not { } perspective || !Enum.IsDefined(perspective))
        {
            errors.Add("改革の視点を選んでください。");
        }
        else
        {
            plan.ChangePerspective(perspective);
        }

        Try(() => plan.SetSdgGoals(form.Sdgs));
        Try(() => plan.SetItems(PlanTextSection.PolicyMeasure, Lines(form.PolicyMeasures)));
        Try(() => plan.SetItems(PlanTextSection.CurrentSituation, Lines(form.CurrentSituation)));
        Try(() => plan.SetItems(PlanTextSection.Actions, Lines(form.Actions)));
        Try(() => plan.SetItems(PlanTextSection.Effects, Lines(form.Effects)));
        Try(() => plan.SetItems(PlanTextSection.Remarks, Lines(form.Remarks)));
        foreach (var targetYear in outline.Years)
        {
            form.Targets.TryGetValue(targetYear.Code, out var text);
            Try(() => plan.SetTarget(targetYear, string.Join('\n', Lines(text))));
        }

        return errors;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split(LineBreaks).Select(l => l.Trim()).Where(l => l.Length > 0);

    private static IEnumerable<string> SplitCooperators(string? text) =>
        (text ?? string.Empty).Split(['、', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(e => e.Length > 0);

    private static PlanEditRequest ToForm(Plan plan) => new()
    {
        Version = plan.Version,
        Name = plan.Name,
        ExecutingDepartmentIds = plan.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.DepartmentId).ToList(),
        Cooperators = string.Join("、", plan.Cooperators.OrderBy(c => c.Order).Select(c => c.Label)),
        CooperatorsOpenEnded = plan.CooperatorsOpenEnded,
        StartYear = plan.StartYear.Code,
        TargetYear = plan.TargetYear.Code,
        Perspective = plan.Perspective,
        Sdgs = plan.SdgGoals.Select(g => g.Goal).Order().ToList(),
        PolicyMeasures = string.Join('\n', plan.Items(PlanTextSection.PolicyMeasure)),
        CurrentSituation = string.Join('\n', plan.Items(PlanTextSection.CurrentSituation)),
        Actions = string.Join('\n', plan.Items(PlanTextSection.Actions)),
        Effects = string.Join('\n', plan.Items(PlanTextSection.Effects)),
        Remarks = string.Join('\n', plan.Items(PlanTextSection.Remarks)),
        Targets = plan.YearTargets.ToDictionary(t => t.Year.Code, t => (string?)t.Text),
    };

    private async Task<PlanEditViewModel> ToModelAsync(
        Plan plan, PlanEditRequest form, IReadOnlyList<string> errors, CancellationToken ct, bool currentVersion = false, bool correction = false)
    {
        var outline = await db.OutlineAsync(ct);
        var departments = await db.Departments.AsNoTracking().ActiveIn(plan.Edition!.Year).Select(d => new DepartmentLink(d.Id, d.Name)).ToListAsync(ct);
        var context = (await editions.ResolveAsync(plan.Edition!.Year.Code, ct))!;
        return new PlanEditViewModel(
            context,
            plan.PlanNumber,
            plan.Field.Title,
            currentVersion ? form with { Version = plan.Version } : form,
            departments,
            outline.Years.Select(y => y.Code).ToList(),
            errors)
        {
            IsCarriedOver = plan.IsCarriedOver,
            EditionName = plan.Edition?.EditionName ?? string.Empty,
            IsFixed = plan.IsFixed,
            IsCorrection = correction && plan.IsFixed,
        };
    }

    /// <summary>The plan's version in the edition named by <paramref name="year"/> (else the newest).</summary>
    private async Task<Plan?> LoadAsync(PlanNumber number, string? year, CancellationToken ct) =>
        await editions.ResolveAsync(year, ct) is { } context
            ? await db.Plans.WithWholeSheet().FindAsync(number, context.Edition.Id, ct)
            : null;
}
