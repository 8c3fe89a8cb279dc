using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Council;

/// <summary>
/// The opinion/response table (意見・対応方針一覧) of one published edition. Open while opinions are written, forwarded
/// and answered; 公表 closes it — nothing about the edition's opinions changes until the 企画課 re-opens it with a
/// reason (logged), and the next 公表 is the next revision (第2版…). See ADR 0029.
/// </summary>
public sealed class CouncilTable
{
    public const int MaxReasonLength = 1000;

    private CouncilTable()
    {
    }

    public CouncilTable(int editionId) => EditionId = editionId;

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public bool IsPublished { get; private set; }

    /// <summary>How many times it has been published (第N版); 0 before the first 公表.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? ReopenedAt { get; private set; }

    public string? ReopenedBy { get; private set; }

    public string? ReopenReason { get; private set; }

    public int Version { get; private set; }

    public void EnsureOpen()
    {
        if (IsPublished)
        {
            throw new DomainException("この版の意見・対応方針一覧は公表済のため、変更できません。変更が必要な場合は企画課が公表を取り消します。");
        }
    }

    /// <summary>公表: every opinion handed in must have an accepted response; drafts are the members' own and stay out.</summary>
    public void Publish(CouncilActor actor, IReadOnlyCollection<CouncilOpinion> opinions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(opinions);
        if (!actor.IsPlanningOffice)
        {
            throw new DomainException("公表できるのは企画課だけです。");
        }

        if (IsPublished)
        {
            throw new DomainException("この版の意見・対応方針一覧は既に公表されています。");
        }

        var handedIn = opinions.Where(o => o.Status != CouncilOpinionStatus.Draft).ToList();
        if (handedIn.Count == 0)
        {
            throw new DomainException("公表できる意見がありません。委員の意見が提出され、対応方針を確認してから公表してください。");
        }

        var open = handedIn.Count(o => o.Status != CouncilOpinionStatus.Accepted);
        if (open > 0)
        {
            throw new DomainException($"対応方針が確認済になっていない意見が{open}件あります。すべて確認してから公表してください。");
        }

        IsPublished = true;
        Revision++;
        PublishedAt = now;
        PublishedBy = actor.DisplayName;
        Version++;
    }

    /// <summary>公表の取消: the 企画課 alone, with a reason; the table is open again until the next 公表.</summary>
    public void Reopen(CouncilActor actor, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlanningOffice)
        {
            throw new DomainException("公表を取り消せるのは企画課だけです。");
        }

        if (!IsPublished)
        {
            throw new DomainException("この一覧はまだ公表されていません。");
        }

        ReopenReason = Guard.Required(reason, "取消の理由", MaxReasonLength);
        ReopenedAt = now;
        ReopenedBy = actor.DisplayName;
        IsPublished = false;
        Version++;
    }
}
