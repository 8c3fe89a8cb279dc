using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Council;

/// <summary>Where an opinion of the 行政改革審議会 stands. Stored by name.</summary>
public enum CouncilOpinionStatus
{
    /// <summary>下書き: the member's own, seen by nobody else.</summary>
    Draft,

    /// <summary>提出済: handed to the 企画課, waiting to be forwarded.</summary>
    Submitted,

    /// <summary>回付済: forwarded to the department(s) (or kept by the 企画課) to answer.</summary>
    Forwarded,

    /// <summary>回答済: the response (対応方針) is written, waiting for the 企画課; the department may still revise it.</summary>
    Answered,

    /// <summary>差戻し: the 企画課 returned the response with a reason.</summary>
    Returned,

    /// <summary>確認済: the 企画課 accepted the response; it goes into the table.</summary>
    Accepted,
}

public static class CouncilOpinionStatuses
{
    public static string DisplayName(this CouncilOpinionStatus status) => status switch
    {
        CouncilOpinionStatus.Draft => "下書き",
        CouncilOpinionStatus.Submitted => "提出済（回付待ち）",
        CouncilOpinionStatus.Forwarded => "回付済（回答待ち）",
        CouncilOpinionStatus.Answered => "回答済（確認待ち）",
        CouncilOpinionStatus.Returned => "差戻し",
        CouncilOpinionStatus.Accepted => "確認済",
        _ => status.ToString(),
    };
}

/// <summary>Who acts on an opinion, as far as its rules need to know.</summary>
public sealed record CouncilActor(string UserId, string DisplayName, bool IsMember, bool IsPlanningOffice, IReadOnlyCollection<int> DepartmentIds)
{
    public bool EditsFor(IEnumerable<int> departmentIds) => departmentIds.Any(DepartmentIds.Contains);
}

/// <summary>A department an opinion was forwarded to (回付先).</summary>
public sealed class CouncilOpinionDepartment
{
    private CouncilOpinionDepartment()
    {
    }

    internal CouncilOpinionDepartment(int departmentId) => DepartmentId = departmentId;

    public long OpinionId { get; private set; }

    public int DepartmentId { get; private set; }
}

/// <summary>
/// One opinion of a 行政改革審議会 member on a published edition — about one plan, or general (no plan) — and the
/// response (対応方針) to it: 下書き → 提出 (member) → 回付 (企画課) → 回答 (department, revisable) → 確認済 or 差戻し
/// (企画課). Every change is decided here, checks the actor and the state, is refused in Japanese and bumps
/// <see cref="Version"/>; the edition's <see cref="CouncilTable"/> must be open (not 公表) for any of it (ADR 0029).
/// </summary>
public sealed class CouncilOpinion
{
    public const int MaxBodyLength = 2000;
    public const int MaxResponseLength = 2000;
    public const int MaxReasonLength = 1000;

    private readonly List<CouncilOpinionDepartment> _departments = [];

    private CouncilOpinion()
    {
        AuthorId = string.Empty;
        AuthorName = string.Empty;
        Body = string.Empty;
    }

    public long Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>The plan the opinion is about; null for a general opinion (全体への意見).</summary>
    public int? PlanKeyId { get; private set; }

    public string AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public string Body { get; private set; }

    public CouncilOpinionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ForwardedAt { get; private set; }

    public string? ForwardedBy { get; private set; }

    /// <summary>The 企画課 answers this one itself (a general opinion it kept); no department is asked.</summary>
    public bool AnsweredByOffice { get; private set; }

    /// <summary>回付先: the departments that may answer.</summary>
    public IReadOnlyList<CouncilOpinionDepartment> Departments => _departments;

    /// <summary>対応方針.</summary>
    public string? Response { get; private set; }

    public string? RespondedBy { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>The 企画課's reason for the last 差戻し (kept after the department answers again).</summary>
    public string? ReturnReason { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsGeneral => PlanKeyId is null;

    public bool IsWrittenBy(CouncilActor actor) => actor.IsMember && actor.UserId == AuthorId;

    public bool IsForwardedTo(CouncilActor actor) =>
        Status >= CouncilOpinionStatus.Forwarded && actor.EditsFor(_departments.Select(d => d.DepartmentId));

    public bool CanBeEditedBy(CouncilActor actor) => IsWrittenBy(actor) && Status == CouncilOpinionStatus.Draft;

    public bool CanBeForwardedBy(CouncilActor actor) => actor.IsPlanningOffice && Status == CouncilOpinionStatus.Submitted;

    public bool CanBeAnsweredBy(CouncilActor actor) =>
        Status is CouncilOpinionStatus.Forwarded or CouncilOpinionStatus.Answered or CouncilOpinionStatus.Returned
        && (AnsweredByOffice ? actor.IsPlanningOffice : IsForwardedTo(actor));

    public bool CanBeReviewedBy(CouncilActor actor) => actor.IsPlanningOffice && Status == CouncilOpinionStatus.Answered;

    /// <summary>差戻し: an answered response, or an accepted one while the table is open (e.g. after a re-open).</summary>
    public bool CanBeReturnedBy(CouncilActor actor) =>
        actor.IsPlanningOffice && Status is CouncilOpinionStatus.Answered or CouncilOpinionStatus.Accepted;

    /// <summary>A member's new opinion, as a draft.</summary>
    public static CouncilOpinion Draft(CouncilTable table, int? planKeyId, CouncilActor actor, string? body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actor);
        table.EnsureOpen();
        if (!actor.IsMember)
        {
            throw new DomainException("意見を書けるのは審議会委員だけです。");
        }

        return new CouncilOpinion
        {
            EditionId = table.EditionId,
            PlanKeyId = planKeyId,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            Body = Guard.Required(body, "意見", MaxBodyLength),
            Status = CouncilOpinionStatus.Draft,
            CreatedAt = now,
            Version = 1,
        };
    }

    public void Edit(CouncilTable table, CouncilActor actor, string? body)
    {
        Ensure(table, CanBeEditedBy(actor), "この意見はもう変更できません（提出済か、ほかの委員の意見です）。");
        var text = Guard.Required(body, "意見", MaxBodyLength);
        if (text != Body)
        {
            Body = text;
            Version++;
        }
    }

    /// <summary>提出: the member hands the draft to the 企画課; from now on it is read-only for the member.</summary>
    public void Submit(CouncilTable table, CouncilActor actor, DateTimeOffset now)
    {
        Ensure(table, CanBeEditedBy(actor), "この意見は提出できません（提出済か、ほかの委員の意見です）。");
        Guard.Required(Body, "意見", MaxBodyLength);
        Status = CouncilOpinionStatus.Submitted;
        SubmittedAt = now;
        Version++;
    }

    /// <summary>Whether the member may delete the draft (nothing else is ever deleted).</summary>
    public void EnsureDeletableBy(CouncilActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanBeEditedBy(actor))
        {
            throw new DomainException("削除できるのは自分の下書きだけです。");
        }
    }

    /// <summary>
    /// 回付: to the departments that answer (a plan opinion: the plan's executing departments; a general one: the
    /// department the 企画課 chooses), or, with none, kept by the 企画課 to answer itself.
    /// </summary>
    public void Forward(CouncilTable table, CouncilActor actor, IReadOnlyCollection<int> departmentIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        Ensure(table, CanBeForwardedBy(actor), "この意見は回付できません（企画課が、提出済の意見だけを回付します）。");
        if (!IsGeneral && departmentIds.Count == 0)
        {
            throw new DomainException("計画への意見は、その計画の実行課に回付します。");
        }

        _departments.Clear();
        _departments.AddRange(departmentIds.Distinct().Order().Select(id => new CouncilOpinionDepartment(id)));
        AnsweredByOffice = departmentIds.Count == 0;
        Status = CouncilOpinionStatus.Forwarded;
        ForwardedAt = now;
        ForwardedBy = actor.DisplayName;
        Version++;
    }

    /// <summary>回答 (対応方針): written or revised until the 企画課 accepts it.</summary>
    public void Answer(CouncilTable table, CouncilActor actor, string? response, DateTimeOffset now)
    {
        Ensure(table, CanBeAnsweredBy(actor), Status == CouncilOpinionStatus.Accepted
            ? "この回答は企画課が確認済のため、変更できません。"
            : "この意見に回答できるのは、回付された部署だけです。");
        Response = Guard.Required(response, "対応方針", MaxResponseLength);
        RespondedBy = actor.DisplayName;
        RespondedAt = now;
        Status = CouncilOpinionStatus.Answered;
        Version++;
    }

    public void Accept(CouncilTable table, CouncilActor actor, DateTimeOffset now)
    {
        Ensure(table, CanBeReviewedBy(actor), "確認できるのは、回答済の対応方針だけです。");
        Status = CouncilOpinionStatus.Accepted;
        AcceptedAt = now;
        AcceptedBy = actor.DisplayName;
        Version++;
    }

    public void Return(CouncilTable table, CouncilActor actor, string? reason)
    {
        Ensure(table, CanBeReturnedBy(actor), "差し戻せるのは、回答済か確認済の対応方針だけです。");
        ReturnReason = Guard.Required(reason, "差戻しの理由", MaxReasonLength);
        Status = CouncilOpinionStatus.Returned;
        Version++;
    }

    private static void Ensure(CouncilTable table, bool allowed, string refusal)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.EnsureOpen();
        if (!allowed)
        {
            throw new DomainException(refusal);
        }
    }
}
