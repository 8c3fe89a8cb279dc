using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Council;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>A plan as the council pages name it: number, name, executing departments (ids and names) in the edition.</summary>
public sealed record CouncilPlan(int PlanKeyId, PlanNumber Number, string Name, IReadOnlyList<int> DepartmentIds, string DepartmentsText);

/// <summary>The state of an edition's opinion/response table.</summary>
public sealed record CouncilTableState(bool IsPublished, int Revision, DateTimeOffset? PublishedAt, DateTimeOffset? ReopenedAt, string? ReopenedBy, string? ReopenReason)
{
    public static CouncilTableState Unpublished { get; } = new(false, 0, null, null, null, null);
}

/// <summary>A published table as the open-data page lists it.</summary>
public sealed record PublishedCouncilTable(Domain.Common.FiscalYear Year, int Revision, DateTimeOffset PublishedAt, int Count);

/// <summary>One opinion as a list shows it to the person looking.</summary>
public sealed record OpinionRow(
    long Id, CouncilPlan? Plan, string Body, CouncilOpinionStatus Status, string? AuthorName, string RecipientsText,
    DateTimeOffset? SubmittedAt, string? Response, bool IsMine);

/// <summary>The council page of an edition, for the person's role.</summary>
public sealed record CouncilIndexViewModel(
    EditionContext Context,
    CouncilActor Actor,
    CouncilTableState Table,
    bool EditionPublished,
    IReadOnlyList<OpinionRow> Opinions,
    IReadOnlyList<CouncilTableRow> PublishedRows,
    IReadOnlyList<CouncilPlan> Plans,
    string? DraftBody = null,
    string? DraftPlanId = null,
    IReadOnlyList<string>? Errors = null)
{
    public string? YearRoute => Context.HasSeveralEditions ? Context.Year.Code : null;

    public bool TableOpen => EditionPublished && !Table.IsPublished;

    public int ToForward => Opinions.Count(o => o.Status == CouncilOpinionStatus.Submitted);

    public int ToReview => Opinions.Count(o => o.Status == CouncilOpinionStatus.Answered);

    public int HandedIn => Opinions.Count(o => o.Status != CouncilOpinionStatus.Draft);

    public int Accepted => Opinions.Count(o => o.Status == CouncilOpinionStatus.Accepted);
}

/// <summary>The opinions of one plan in an edition, with the member's form.</summary>
public sealed record CouncilPlanViewModel(
    EditionContext Context, CouncilActor Actor, CouncilPlan Plan, CouncilTableState Table, bool EditionPublished, IReadOnlyList<OpinionRow> Opinions)
{
    public string? YearRoute => Context.HasSeveralEditions ? Context.Year.Code : null;

    public bool CanWrite => Actor.IsMember && EditionPublished && !Table.IsPublished;
}

/// <summary>One opinion with what the person may do with it, and (after a refusal) what they typed.</summary>
public sealed record OpinionViewModel(
    EditionContext Context,
    CouncilActor Actor,
    CouncilOpinion Opinion,
    CouncilPlan? Plan,
    string RecipientsText,
    CouncilTableState Table,
    IReadOnlyList<(int Id, string Name)> DepartmentOptions)
{
    public string? YearRoute => Context.HasSeveralEditions ? Context.Year.Code : null;

    public bool Open => !Table.IsPublished;

    public bool CanEdit => Open && Opinion.CanBeEditedBy(Actor);

    public bool CanForward => Open && Opinion.CanBeForwardedBy(Actor);

    public bool CanAnswer => Open && Opinion.CanBeAnsweredBy(Actor);

    public bool CanAccept => Open && Opinion.CanBeReviewedBy(Actor);

    public bool CanReturn => Open && Opinion.CanBeReturnedBy(Actor);

    public bool SeesAuthor => Actor.SeesAuthor(Opinion);

    public bool SeesResponse => Actor.SeesResponse(Opinion);

    /// <summary>The form's values after a refusal (kept as typed), else the stored ones.</summary>
    public string? TypedBody { get; init; }

    public string? TypedResponse { get; init; }

    public string? TypedReason { get; init; }

    public int? TypedDepartmentId { get; init; }

    /// <summary>Which form was refused (edit, forward, answer, review), for the error summary's place.</summary>
    public string? RefusedForm { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The form was stale: someone (or another tab) changed the opinion since it was opened.</summary>
    public bool Conflict { get; init; }
}

/// <summary>Reads for the council pages; every read of opinions goes through <see cref="CouncilAccess.VisibleTo"/>.</summary>
public sealed class CouncilQueries(AppDbContext db, EditionResolver editions)
{
    public async Task<CouncilIndexViewModel?> IndexAsync(string? year, CouncilActor actor, CancellationToken ct)
    {
        if (await editions.ResolveAsync(year, ct) is not { } context)
        {
            return null;
        }

        var table = await TableStateAsync(context.Edition.Id, ct);
        var opinions = await RowsAsync(context.Edition.Id, actor, table.IsPublished, null, ct);
        var published = table.IsPublished ? await TableRowsAsync(context.Edition.Id, ct) : [];
        var plans = actor.IsMember && context.Edition.Status != EditionStatus.Draft ? await PlansAsync(context.Edition.Id, null, ct) : [];
        return new CouncilIndexViewModel(context, actor, table, context.Edition.Status != EditionStatus.Draft, opinions, published, plans);
    }

    public async Task<CouncilPlanViewModel?> PlanAsync(PlanNumber number, string? year, CouncilActor actor, CancellationToken ct)
    {
        if (await editions.ResolveAsync(year, ct) is not { } context
            || (await PlansAsync(context.Edition.Id, number, ct)).FirstOrDefault() is not { } plan)
        {
            return null;
        }

        var table = await TableStateAsync(context.Edition.Id, ct);
        var rows = await RowsAsync(context.Edition.Id, actor, table.IsPublished, plan.PlanKeyId, ct);
        return new CouncilPlanViewModel(context, actor, plan, table, context.Edition.Status != EditionStatus.Draft, rows);
    }

    /// <summary>One opinion the actor may see, else null (a 404: another member's draft does not exist for them).</summary>
    public async Task<OpinionViewModel?> OpinionAsync(long id, CouncilActor actor, CancellationToken ct)
    {
        var opinion = await db.CouncilOpinions.AsNoTracking().Include(o => o.Departments).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opinion is null)
        {
            return null;
        }

        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == opinion.EditionId).Select(e => e.Year).FirstAsync(ct);
        if (await editions.ResolveAsync(edition.Code, ct) is not { } context)
        {
            return null;
        }

        var table = await TableStateAsync(opinion.EditionId, ct);
        if (!actor.CanSee(opinion, table.IsPublished))
        {
            return null;
        }

        var plan = opinion.PlanKeyId is { } key ? (await PlansAsync(opinion.EditionId, null, ct, key)).FirstOrDefault() : null;
        var recipients = await RecipientsTextAsync([opinion], ct);
        var options = actor.IsPlanningOffice && opinion.IsGeneral
            ? (await db.Departments.AsNoTracking().Where(d => d.SuccessorId == null).OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
                .Select(d => (d.Id, d.Name)).ToList()
            : [];
        return new OpinionViewModel(context, actor, opinion, plan, recipients.GetValueOrDefault(opinion.Id, string.Empty), table, options);
    }

    /// <summary>The published table of an edition (accepted opinions and their responses), or null while it is not published.</summary>
    public async Task<CouncilTableDocument?> PublishedTableAsync(string year, CancellationToken ct)
    {
        if (!Domain.Common.FiscalYear.TryParse(year, out var fy))
        {
            return null;
        }

        var edition = await db.Editions.AsNoTracking().Where(e => e.Year == fy && e.Status != EditionStatus.Draft)
            .Select(e => new { e.Id, e.Year, e.Title }).FirstOrDefaultAsync(ct);
        if (edition is null)
        {
            return null;
        }

        var table = await TableStateAsync(edition.Id, ct);
        if (!table.IsPublished)
        {
            return null;
        }

        var outline = await db.OutlineAsync(ct);
        return new CouncilTableDocument(edition.Year, TitleOf(edition.Year), outline.Title, table.Revision, table.PublishedAt!.Value, await TableRowsAsync(edition.Id, ct));
    }

    /// <summary>Every published table, newest edition first, for the open-data page.</summary>
    public async Task<List<PublishedCouncilTable>> PublishedTablesAsync(CancellationToken ct)
    {
        var rows = await (from t in db.CouncilTables.AsNoTracking()
                          join e in db.Editions.AsNoTracking() on t.EditionId equals e.Id
                          where t.IsPublished && e.Status != EditionStatus.Draft
                          select new { e.Id, e.Year, t.Revision, t.PublishedAt })
            .ToListAsync(ct);
        var counts = await db.CouncilOpinions.AsNoTracking().Where(o => o.Status == CouncilOpinionStatus.Accepted)
            .GroupBy(o => o.EditionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.OrderByDescending(r => r.Year)
            .Select(r => new PublishedCouncilTable(r.Year, r.Revision, r.PublishedAt!.Value, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public static string TitleOf(Domain.Common.FiscalYear year) => $"{year.JapaneseName} 行政改革審議会 意見・対応方針一覧";

    public async Task<CouncilTableState> TableStateAsync(int editionId, CancellationToken ct) =>
        await db.CouncilTables.AsNoTracking().Where(t => t.EditionId == editionId)
            .Select(t => new CouncilTableState(t.IsPublished, t.Revision, t.PublishedAt, t.ReopenedAt, t.ReopenedBy, t.ReopenReason))
            .FirstOrDefaultAsync(ct) ?? CouncilTableState.Unpublished;

    /// <summary>The plans of an edition (one, or one key, when asked), in booklet order.</summary>
    public async Task<List<CouncilPlan>> PlansAsync(int editionId, PlanNumber? number, CancellationToken ct, int? planKeyId = null)
    {
        var plans = db.Plans.AsNoTracking().InEdition(editionId);
        if (number is { } n)
        {
            plans = plans.VersionsOf(n);
        }

        if (planKeyId is { } key)
        {
            plans = plans.Where(p => p.PlanKeyId == key);
        }

        var rows = await plans.InBookletOrder()
            .Select(p => new
            {
                p.PlanKeyId,
                p.FieldNumber,
                p.Number,
                p.Name,
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => new { d.DepartmentId, d.Department.Name }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(p => new CouncilPlan(
            p.PlanKeyId, new PlanNumber(p.FieldNumber, p.Number), p.Name,
            p.Departments.Select(d => d.DepartmentId).ToList(), string.Join("、", p.Departments.Select(d => d.Name)))).ToList();
    }

    private async Task<List<OpinionRow>> RowsAsync(int editionId, CouncilActor actor, bool published, int? planKeyId, CancellationToken ct)
    {
        var query = db.CouncilOpinions.AsNoTracking().Include(o => o.Departments)
            .Where(o => o.EditionId == editionId).VisibleTo(actor, published);
        if (planKeyId is { } key)
        {
            query = query.Where(o => o.PlanKeyId == key);
        }

        var opinions = await query.OrderBy(o => o.Id).ToListAsync(ct);
        var plans = (await PlansAsync(editionId, null, ct)).ToDictionary(p => p.PlanKeyId);
        var recipients = await RecipientsTextAsync(opinions, ct);
        return opinions
            .Select(o => new OpinionRow(
                o.Id,
                o.PlanKeyId is { } k ? plans.GetValueOrDefault(k) : null,
                o.Body,
                o.Status,
                actor.SeesAuthor(o) ? o.AuthorName : null,
                recipients.GetValueOrDefault(o.Id, string.Empty),
                o.SubmittedAt,
                actor.SeesResponse(o) ? o.Response : null,
                o.IsWrittenBy(actor)))
            .OrderBy(r => r.Plan is null ? 0 : 1).ThenBy(r => r.Plan?.Number).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>回付先 as people read it: the departments, or 企画課 when it answers itself.</summary>
    private async Task<Dictionary<long, string>> RecipientsTextAsync(IReadOnlyCollection<CouncilOpinion> opinions, CancellationToken ct)
    {
        var ids = opinions.SelectMany(o => o.Departments.Select(d => d.DepartmentId)).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return opinions.ToDictionary(
            o => o.Id,
            o => o.AnsweredByOffice ? "企画課" : string.Join("、", o.Departments.Select(d => names.GetValueOrDefault(d.DepartmentId, string.Empty))));
    }

    /// <summary>The accepted opinions and responses of an edition, as the published table prints them (no member names).</summary>
    private async Task<List<CouncilTableRow>> TableRowsAsync(int editionId, CancellationToken ct)
    {
        var accepted = await db.CouncilOpinions.AsNoTracking().Include(o => o.Departments)
            .Where(o => o.EditionId == editionId && o.Status == CouncilOpinionStatus.Accepted)
            .OrderBy(o => o.Id).ToListAsync(ct);
        var plans = (await PlansAsync(editionId, null, ct)).ToDictionary(p => p.PlanKeyId);
        var recipients = await RecipientsTextAsync(accepted, ct);
        var ordered = accepted
            .Select(o => (Opinion: o, Plan: o.PlanKeyId is { } k ? plans.GetValueOrDefault(k) : null))
            .OrderBy(x => x.Plan is null ? 0 : 1).ThenBy(x => x.Plan?.Number).ThenBy(x => x.Opinion.Id)
            .ToList();
        return ordered.Select((x, i) => new CouncilTableRow(
            i + 1,
            x.Plan?.Number.ToString(),
            x.Plan?.Name ?? "全体",
            x.Plan?.DepartmentsText ?? string.Empty,
            x.Opinion.Body,
            x.Opinion.Response ?? string.Empty,
            recipients.GetValueOrDefault(x.Opinion.Id, string.Empty))).ToList();
    }
}
