using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>A council change that was made: the opinion it concerns (none for a deletion or the table) and the notice to show.</summary>
public sealed record CouncilChange(long? OpinionId, string Notice);

/// <summary>Which button of an opinion's form was pressed.</summary>
public enum OpinionCommand
{
    /// <summary>下書き保存.</summary>
    Save,

    /// <summary>提出.</summary>
    Submit,
}

public sealed record NewOpinionRequest(string? PlanId, string? Body, OpinionCommand Command);

public sealed record EditOpinionRequest(int Version, string? Body, OpinionCommand Command);

public sealed record ForwardRequest(int Version, int? DepartmentId);

public sealed record AnswerRequest(int Version, string? Response);

public sealed record ReviewRequest(int Version, string? Reason);

public sealed record ReopenRequest(string? Reason);

/// <summary>
/// Every change of the council workflow. Each loads what it changes, asks the entity (which checks the actor, the
/// state and that the edition's table is open), compares the form's version, writes its notices into the same unit of
/// work, and saves once (ADR 0029).
/// </summary>
public sealed class CouncilCommands(AppDbContext db, Notifier notifier, IAuditLog audit, TimeProvider clock, LinkGenerator links)
{
    /// <summary>A member's new opinion on a published edition (a plan's, or general), saved as a draft or submitted at once.</summary>
    public async Task<UseCaseResult<CouncilChange>> CreateAsync(FiscalYear year, NewOpinionRequest request, CouncilActor actor, CancellationToken ct)
    {
        if (!actor.IsMember)
        {
            return Forbidden;
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year && e.Status != EditionStatus.Draft, ct);
        if (edition is null)
        {
            return NotFound;
        }

        int? planKeyId = null;
        if (!string.IsNullOrWhiteSpace(request.PlanId))
        {
            if (!PlanNumber.TryParse(request.PlanId, out var number)
                || await db.Plans.AsNoTracking().InEdition(edition.Id).VersionsOf(number).Select(p => (int?)p.PlanKeyId).FirstOrDefaultAsync(ct) is not { } key)
            {
                return Refused("意見の対象の計画が見つかりません。");
            }

            planKeyId = key;
        }

        var table = await TableAsync(edition.Id, ct);
        return await RunAsync(async () =>
        {
            var opinion = CouncilOpinion.Draft(table, planKeyId, actor, request.Body, clock.GetUtcNow());
            var submit = request.Command == OpinionCommand.Submit;
            if (submit)
            {
                opinion.Submit(table, actor, clock.GetUtcNow());
            }

            db.CouncilOpinions.Add(opinion);

            // The notice links the opinion's page, so its id is needed first: both saves in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (submit)
            {
                await NotifySubmittedAsync(opinion, actor, ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return Done(opinion.Id, submit ? "意見を提出しました。企画課が確認して担当課に回付します。" : "意見を下書きとして保存しました。提出するまで、ほかの人には見えません。");
        });
    }

    public Task<UseCaseResult<CouncilChange>> EditAsync(long id, EditOpinionRequest request, CouncilActor actor, CancellationToken ct) =>
        OnOpinionAsync(id, request.Version, actor, async (opinion, table) =>
        {
            if (!opinion.IsWrittenBy(actor))
            {
                return Forbidden;
            }

            opinion.Edit(table, actor, request.Body);
            if (request.Command == OpinionCommand.Submit)
            {
                opinion.Submit(table, actor, clock.GetUtcNow());
                await NotifySubmittedAsync(opinion, actor, ct);
                return Done(opinion.Id, "意見を提出しました。企画課が確認して担当課に回付します。");
            }

            return Done(opinion.Id, "下書きを保存しました。");
        }, ct);

    public async Task<UseCaseResult<CouncilChange>> DeleteAsync(long id, int version, CouncilActor actor, CancellationToken ct)
    {
        var opinion = await db.CouncilOpinions.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opinion is null || !opinion.IsWrittenBy(actor))
        {
            // Another member's draft does not exist for this person.
            return opinion is not null && actor.CanSee(opinion, false) ? Forbidden : NotFound;
        }

        if (opinion.Version != version)
        {
            return Stale;
        }

        return await RunAsync(async () =>
        {
            opinion.EnsureDeletableBy(actor);
            db.CouncilOpinions.Remove(opinion);
            await db.SaveChangesAsync(ct);
            return Done(null, "下書きを削除しました。");
        });
    }

    /// <summary>回付: a plan opinion to the plan's executing departments; a general one to the department chosen, or 0 for the 企画課 itself.</summary>
    public Task<UseCaseResult<CouncilChange>> ForwardAsync(long id, ForwardRequest request, CouncilActor actor, CancellationToken ct) =>
        OnOpinionAsync(id, request.Version, actor, async (opinion, table) =>
        {
            if (!actor.IsPlanningOffice)
            {
                return Forbidden;
            }

            List<int> departments;
            if (opinion.PlanKeyId is { } key)
            {
                departments = await db.Plans.AsNoTracking().InEdition(opinion.EditionId).Where(p => p.PlanKeyId == key)
                    .SelectMany(p => p.ExecutingDepartments.Select(d => d.DepartmentId)).ToListAsync(ct);
            }
            else if (request.DepartmentId is not { } chosen)
            {
                return Refused("回付先を選んでください。");
            }
            else if (chosen == 0)
            {
                departments = [];
            }
            else if (!await db.Departments.AnyAsync(d => d.Id == chosen && d.SuccessorId == null, ct))
            {
                return Refused("回付先の部署が見つかりません。");
            }
            else
            {
                departments = [chosen];
            }

            opinion.Forward(table, actor, departments, clock.GetUtcNow());
            if (departments.Count > 0)
            {
                notifier.Add(await notifier.DepartmentEditorsAsync(departments, actor.UserId, ct), new NoticeMessage(
                    NoticeKind.CouncilOpinionForwarded, "審議会の意見が回付されました", $"{await SubjectAsync(opinion, ct)}への審議会の意見に、対応方針を記入してください。", Link(opinion.Id)));
            }

            return Done(opinion.Id, departments.Count > 0 ? "意見を回付しました。担当課にお知らせしました。" : "この意見には企画課が回答します。");
        }, ct);

    public Task<UseCaseResult<CouncilChange>> AnswerAsync(long id, AnswerRequest request, CouncilActor actor, CancellationToken ct) =>
        OnOpinionAsync(id, request.Version, actor, async (opinion, table) =>
        {
            if (!opinion.CanBeAnsweredBy(actor) && opinion.Status != CouncilOpinionStatus.Accepted)
            {
                return Forbidden;
            }

            opinion.Answer(table, actor, request.Response, clock.GetUtcNow());
            if (!actor.IsPlanningOffice)
            {
                notifier.Add(await notifier.PlanningOfficeAsync(actor.UserId, ct), new NoticeMessage(
                    NoticeKind.CouncilResponseAnswered, "審議会の意見に回答がありました", $"{await SubjectAsync(opinion, ct)}への意見に対応方針が記入されました。確認してください。", Link(opinion.Id)));
            }

            return Done(opinion.Id, "対応方針を保存しました。企画課が確認するまでは修正できます。");
        }, ct);

    public Task<UseCaseResult<CouncilChange>> AcceptAsync(long id, ReviewRequest request, CouncilActor actor, CancellationToken ct) =>
        ReviewAsync(id, request, actor, (opinion, table) => opinion.Accept(table, actor, clock.GetUtcNow()),
            "対応方針が確認されました", _ => "への意見の対応方針を企画課が確認しました。", "対応方針を確認済にしました。", ct);

    public Task<UseCaseResult<CouncilChange>> ReturnAsync(long id, ReviewRequest request, CouncilActor actor, CancellationToken ct) =>
        ReviewAsync(id, request, actor, (opinion, table) => opinion.Return(table, actor, request.Reason),
            "対応方針が差し戻されました", opinion => $"への意見の対応方針が差し戻されました。理由：{opinion.ReturnReason}", "対応方針を差し戻しました。", ct);

    /// <summary>公表 of the edition's table: every opinion handed in must be accepted; logged; the authors are told.</summary>
    public async Task<UseCaseResult<CouncilChange>> PublishAsync(FiscalYear year, CouncilActor actor, CancellationToken ct)
    {
        if (!actor.IsPlanningOffice)
        {
            return Forbidden;
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year && e.Status != EditionStatus.Draft, ct);
        if (edition is null)
        {
            return NotFound;
        }

        var table = await TableAsync(edition.Id, ct);
        var opinions = await db.CouncilOpinions.Where(o => o.EditionId == edition.Id).ToListAsync(ct);
        return await RunAsync(async () =>
        {
            table.Publish(actor, opinions, clock.GetUtcNow());
            audit.Record(AuditAction.CouncilTablePublished, $"{year.JapaneseName}版",
                $"意見・対応方針一覧（{(table.Revision > 1 ? $"第{table.Revision}版" : "初版")}、{opinions.Count(o => o.Status == CouncilOpinionStatus.Accepted)}件）");
            var authors = opinions.Where(o => o.Status == CouncilOpinionStatus.Accepted).Select(o => o.AuthorId).Distinct().ToList();
            notifier.Add(await RecipientsAsync(authors, actor.UserId, ct), new NoticeMessage(
                NoticeKind.CouncilTablePublished, "審議会の意見・対応方針一覧が公表されました", $"{year.JapaneseName}版の意見と対応方針の一覧が公表されました。",
                links.GetPathByAction("Index", "Council", new { year = year.Code }) ?? string.Empty));
            await db.SaveChangesAsync(ct);
            return Done(null, "意見・対応方針一覧を公表しました。Excel・PDF・オープンデータで公開されます。");
        });
    }

    /// <summary>公表の取消: the 企画課 only, with a reason, logged; the table is open again.</summary>
    public async Task<UseCaseResult<CouncilChange>> ReopenAsync(FiscalYear year, ReopenRequest request, CouncilActor actor, CancellationToken ct)
    {
        if (!actor.IsPlanningOffice)
        {
            return Forbidden;
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year && e.Status != EditionStatus.Draft, ct);
        var table = edition is null ? null : await db.CouncilTables.FirstOrDefaultAsync(t => t.EditionId == edition.Id, ct);
        if (table is null)
        {
            return NotFound;
        }

        return await RunAsync(async () =>
        {
            table.Reopen(actor, request.Reason, clock.GetUtcNow());
            audit.Record(AuditAction.CouncilTableReopened, $"{year.JapaneseName}版", $"意見・対応方針一覧の公表を取り消し（理由：{table.ReopenReason}）");
            await db.SaveChangesAsync(ct);
            return Done(null, "公表を取り消しました。修正してから、もう一度公表してください。");
        });
    }

    private async Task<UseCaseResult<CouncilChange>> OnOpinionAsync(
        long id, int version, CouncilActor actor, Func<CouncilOpinion, CouncilTable, Task<UseCaseResult<CouncilChange>>> change, CancellationToken ct)
    {
        var opinion = await db.CouncilOpinions.Include(o => o.Departments).FirstOrDefaultAsync(o => o.Id == id, ct);
        var table = opinion is null ? null : await db.CouncilTables.FirstOrDefaultAsync(t => t.EditionId == opinion.EditionId, ct);
        if (opinion is null || table is null || !actor.CanSee(opinion, table.IsPublished))
        {
            return NotFound;
        }

        if (opinion.Version != version)
        {
            return Stale;
        }

        return await RunAsync(async () =>
        {
            var outcome = await change(opinion, table);
            if (outcome.IsOk)
            {
                await db.SaveChangesAsync(ct);
            }

            return outcome;
        });
    }

    /// <summary>The 企画課's review of a response (確認 or 差戻し): the step, then the departments are told.</summary>
    private Task<UseCaseResult<CouncilChange>> ReviewAsync(
        long id, ReviewRequest request, CouncilActor actor, Action<CouncilOpinion, CouncilTable> step, string title,
        Func<CouncilOpinion, string> body, string notice, CancellationToken ct) =>
        OnOpinionAsync(id, request.Version, actor, async (opinion, table) =>
        {
            if (!actor.IsPlanningOffice)
            {
                return Forbidden;
            }

            step(opinion, table);
            await NotifyDepartmentsAsync(opinion, actor, title, body(opinion), ct);
            return Done(opinion.Id, notice);
        }, ct);

    /// <summary>Runs a change: a rule's refusal is a 422 with its message, a concurrent save a 409; nothing is saved then.</summary>
    private async Task<UseCaseResult<CouncilChange>> RunAsync(Func<Task<UseCaseResult<CouncilChange>>> change)
    {
        try
        {
            return await change();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Refused(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }
    }

    private static UseCaseResult<CouncilChange> Done(long? opinionId, string notice) => UseCaseResult.Ok(new CouncilChange(opinionId, notice));

    private static UseCaseResult<CouncilChange> Refused(string message) => UseCaseResult.Invalid<CouncilChange>(null, message);

    /// <summary>The opinion changed since the form was opened: 409, the page again with the input kept.</summary>
    private static UseCaseResult<CouncilChange> Stale => UseCaseResult.Conflict<CouncilChange>(null,
        ["この画面を開いた後に、ほかの人（または別のタブ）がこの意見を更新しました。入力した内容は残してあります。最新の内容を確認してから、もう一度操作してください。"]);

    private static UseCaseResult<CouncilChange> NotFound => UseCaseResult.NotFound<CouncilChange>();

    private static UseCaseResult<CouncilChange> Forbidden => UseCaseResult.Forbidden<CouncilChange>();

    /// <summary>The edition's table, made when the first opinion is written (a second writer at the same moment reads the first one's).</summary>
    private async Task<CouncilTable> TableAsync(int editionId, CancellationToken ct)
    {
        if (await db.CouncilTables.FirstOrDefaultAsync(t => t.EditionId == editionId, ct) is { } existing)
        {
            return existing;
        }

        var table = new CouncilTable(editionId);
        db.CouncilTables.Add(table);
        try
        {
            await db.SaveChangesAsync(ct);
            return table;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.CouncilTables.FirstAsync(t => t.EditionId == editionId, ct);
        }
    }

    private async Task NotifySubmittedAsync(CouncilOpinion opinion, CouncilActor actor, CancellationToken ct) =>
        notifier.Add(await notifier.PlanningOfficeAsync(actor.UserId, ct), new NoticeMessage(
            NoticeKind.CouncilOpinionSubmitted, "審議会の意見が提出されました", $"{await SubjectAsync(opinion, ct)}への意見が提出されました。回付先を決めてください。", Link(opinion.Id)));

    private async Task NotifyDepartmentsAsync(CouncilOpinion opinion, CouncilActor actor, string title, string body, CancellationToken ct)
    {
        var departments = opinion.Departments.Select(d => d.DepartmentId).ToList();
        if (departments.Count > 0)
        {
            notifier.Add(await notifier.DepartmentEditorsAsync(departments, actor.UserId, ct),
                new NoticeMessage(NoticeKind.CouncilResponseReviewed, title, await SubjectAsync(opinion, ct) + body, Link(opinion.Id)));
        }
    }

    private async Task<List<NoticeRecipient>> RecipientsAsync(IReadOnlyCollection<string> userIds, string exceptUserId, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id) && u.Id != exceptUserId)
            .Select(u => new NoticeRecipient(u.Id, u.NoticeMailOff || u.Email == null || u.Email == string.Empty ? null : u.Email))
            .ToListAsync(ct);

    private async Task<string> SubjectAsync(CouncilOpinion opinion, CancellationToken ct)
    {
        if (opinion.PlanKeyId is not { } key)
        {
            return "全体";
        }

        var plan = await db.Plans.AsNoTracking().InEdition(opinion.EditionId).Where(p => p.PlanKeyId == key)
            .Select(p => new { p.FieldNumber, p.Number, p.Name }).FirstAsync(ct);
        return $"{new PlanNumber(plan.FieldNumber, plan.Number)} {plan.Name}";
    }

    private string Link(long id) => links.GetPathByAction("Opinion", "Council", new { id }) ?? string.Empty;
}
