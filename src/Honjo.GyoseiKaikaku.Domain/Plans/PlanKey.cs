using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// A plan's identity across the 大綱's period: its field and number (<c>1-9</c>) and its year-end reports, one per
/// fiscal year. Each edition holds its own version of the plan's sheet (<see cref="Plan"/>); the reports belong here
/// so the R7 sheet prints the R5 and R6 results whatever changed in between. See ADR 0016.
/// </summary>
public sealed class PlanKey
{
    private readonly List<YearEndReport> _yearEndReports = [];

    private PlanKey()
    {
    }

    internal PlanKey(PlanNumber number)
    {
        FieldNumber = number.Field;
        Number = number.Number;
    }

    public int Id { get; private set; }

    public int FieldNumber { get; private set; }

    public int Number { get; private set; }

    public PlanNumber PlanNumber => new(FieldNumber, Number);

    public IReadOnlyList<YearEndReport> YearEndReports => _yearEndReports;

    /// <summary>The last fiscal year of the plan when it has ended (完了・廃止・統合); null while it runs.</summary>
    public FiscalYear? EndedYear { get; private set; }

    public PlanEndKind? EndKind { get; private set; }

    /// <summary>When the end was recorded; a published edition's 目次 shows only the ends recorded before it was published.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why the plan ended, as the 企画課 recorded it.</summary>
    public string? EndReason { get; private set; }

    public const int MaxEndReasonLength = 500;

    /// <summary>For 統合: the plan this one joined.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>
    /// Ends the plan as of <paramref name="year"/> (its report for that year is still entered); it is not carried into
    /// later editions, and its earlier versions and reports stay readable. Every exit needs a reason.
    /// </summary>
    public void End(PlanEndKind kind, FiscalYear year, string? reason, DateTimeOffset at, PlanKey? mergedInto = null)
    {
        if (kind == PlanEndKind.Merged && (mergedInto is null || mergedInto.Id == Id))
        {
            throw new DomainException("統合する場合は、統合先の計画（この計画以外）を指定してください。");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("終了の種類を選んでください。");
        }

        if (EndedYear is { } ended)
        {
            throw new DomainException($"計画{PlanNumber}は{ended.JapaneseName}で既に{EndKind!.Value.DisplayName()}しています。");
        }

        EndReason = Guard.Required(reason, $"{kind.DisplayName()}の理由", MaxEndReasonLength);
        EndKind = kind;
        EndedYear = year;
        EndedAt = at;
        MergedIntoId = kind == PlanEndKind.Merged ? mergedInto!.Id : null;
    }

    /// <summary>
    /// What the 終了 column of the edition of <paramref name="editionYear"/> prints: the end year once the plan has ended
    /// by then — but a published edition reads as it was published, so an end recorded after its publication (a plan
    /// found 完了 while the next edition is made) is not printed there; the next edition's changes list it.
    /// </summary>
    public static FiscalYear? EndYearShownIn(FiscalYear? endedYear, DateTimeOffset? endedAt, FiscalYear editionYear, DateTimeOffset? editionPublishedAt) =>
        endedYear is { } year && year <= editionYear && (editionPublishedAt is not { } published || endedAt is not { } at || at <= published)
            ? year
            : null;

    public YearEndReport? ReportFor(FiscalYear year) => _yearEndReports.FirstOrDefault(r => r.Year == year);

    internal YearEndReport ReportForOrCreate(FiscalYear year)
    {
        var report = ReportFor(year);
        if (report is null)
        {
            report = new YearEndReport(year);
            _yearEndReports.Add(report);
        }

        return report;
    }
}
