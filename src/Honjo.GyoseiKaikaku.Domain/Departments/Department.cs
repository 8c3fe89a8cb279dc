using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Departments;

/// <summary>
/// An organisational unit of the city: a 課, 室, 局 or facility, including the 支所 units. A department's name never
/// changes in place: a reorganization (<see cref="DepartmentReorganization"/>) makes a successor, so that earlier
/// editions keep printing the name they were published with (ADR 0016).
/// </summary>
public sealed class Department
{
    public const int MaxNameLength = 50;

    private Department()
    {
        Name = string.Empty;
    }

    public Department(string name, int sortOrder, FiscalYear? fromYear = null)
    {
        Name = Guard.Required(name, "部署名", MaxNameLength);
        SortOrder = sortOrder;
        Kind = KindOf(Name);
        FromYear = fromYear;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public DepartmentKind Kind { get; private set; }

    /// <summary>The order in which the departments first appear in the booklet; a successor takes its predecessor's.</summary>
    public int SortOrder { get; private set; }

    /// <summary>The first fiscal year the department exists; null for a department there since the 大綱 began.</summary>
    public FiscalYear? FromYear { get; private set; }

    /// <summary>The fiscal year from which <see cref="SuccessorId"/> takes this department's place; null while it lasts.</summary>
    public FiscalYear? SucceededAsOf { get; private set; }

    /// <summary>The department that took this one's place by a rename or a merger.</summary>
    public int? SuccessorId { get; private set; }

    /// <summary>支所 units (支所総務課, 支所市民福祉課, 支所環境産業課) serve the 児玉 branch office.</summary>
    public bool IsBranch => Name.StartsWith("支所", StringComparison.Ordinal);

    /// <summary>Whether the department exists in <paramref name="year"/>: from its first year until a successor takes over.</summary>
    public bool IsActiveIn(FiscalYear year) =>
        (FromYear is not { } from || from <= year) && (SucceededAsOf is not { } until || year < until);

    /// <summary>
    /// <paramref name="ids"/> and every department they succeeded, however many reorganizations back: the staff of a
    /// department keep the records of the departments it took over.
    /// </summary>
    public static IReadOnlySet<int> WithPredecessors(IEnumerable<int> ids, IEnumerable<(int Id, int? SuccessorId)> successions)
    {
        var predecessors = successions.Where(s => s.SuccessorId is not null).ToLookup(s => s.SuccessorId!.Value, s => s.Id);
        var result = new HashSet<int>();
        var pending = new Stack<int>(ids);
        while (pending.TryPop(out var id))
        {
            if (result.Add(id))
            {
                foreach (var predecessor in predecessors[id])
                {
                    pending.Push(predecessor);
                }
            }
        }

        return result;
    }

    public static DepartmentKind KindOf(string name) => name switch
    {
        _ when name.EndsWith('課') => DepartmentKind.Division,
        _ when name.EndsWith('室') => DepartmentKind.Office,
        _ when name.EndsWith('局') => DepartmentKind.Bureau,
        _ => DepartmentKind.Facility,
    };

    /// <summary>Ends this department as of <paramref name="asOf"/>: <paramref name="successor"/> takes its place.</summary>
    internal void SucceedBy(Department successor, FiscalYear asOf)
    {
        if (SucceededAsOf is { } earlier)
        {
            throw new DomainException($"「{Name}」は{earlier.JapaneseName}の組織改正で既に別の部署になっています。");
        }

        if (!IsActiveIn(asOf))
        {
            throw new DomainException($"「{Name}」は{asOf.JapaneseName}にはまだありません。");
        }

        if (FromYear == asOf)
        {
            throw new DomainException($"「{Name}」は{asOf.JapaneseName}に新設した部署のため、同じ年度に名称変更・統合はできません。新設の登録を確かめてください。");
        }

        SucceededAsOf = asOf;
        Successor = successor;
    }

    /// <summary>The department that took this one's place (<see cref="SuccessorId"/>).</summary>
    public Department? Successor { get; private set; }
}

public enum DepartmentKind
{
    /// <summary>課.</summary>
    Division = 1,

    /// <summary>室.</summary>
    Office = 2,

    /// <summary>局 (e.g. 農業委員会事務局).</summary>
    Bureau = 3,

    /// <summary>A facility run as a unit (e.g. 図書館).</summary>
    Facility = 4,
}
