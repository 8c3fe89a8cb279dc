namespace Honjo.GyoseiKaikaku.Domain.Editions;

/// <summary>What a 訂正 changed after a milestone.</summary>
public enum CorrectionKind
{
    /// <summary>A published edition's version of a plan (after 計画の公表).</summary>
    Plan = 1,

    /// <summary>A closed year's report (after 実績の確定).</summary>
    Report = 2,
}

public static class CorrectionKinds
{
    public static string DisplayName(this CorrectionKind kind) => kind switch
    {
        CorrectionKind.Plan => "計画",
        CorrectionKind.Report => "報告",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The booklet a 訂正 of this kind publishes again.</summary>
    public static PublishedKind Republishes(this CorrectionKind kind) =>
        kind == CorrectionKind.Plan ? PublishedKind.Plan : PublishedKind.Results;
}

/// <summary>
/// One 訂正: after 計画の公表 (a plan version) or 実績の確定 (a report) the 企画課 changed what was fixed, with a reason.
/// The fields' before and after are in the history; the booklet was published again as <see cref="Revision"/>, the
/// earlier revisions kept. Recorded by <see cref="BookletEdition.RecordCorrection"/>; never changed afterwards.
/// </summary>
public sealed class Correction
{
    public const int MaxReasonLength = 500;

    private Correction()
    {
        Reason = string.Empty;
        By = string.Empty;
    }

    internal Correction(CorrectionKind kind, int planKeyId, string reason, string by, DateTimeOffset at, int revision)
    {
        Kind = kind;
        PlanKeyId = planKeyId;
        Reason = reason;
        By = by;
        At = at;
        Revision = revision;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public CorrectionKind Kind { get; private set; }

    /// <summary>The plan corrected (its identity: the number).</summary>
    public int PlanKeyId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Who corrected it (display name at the time).</summary>
    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The revision of the booklet (<see cref="CorrectionKinds.Republishes"/>) published with this 訂正.</summary>
    public int Revision { get; private set; }
}
