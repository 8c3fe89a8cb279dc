using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Departments;

/// <summary>
/// A 組織改正 as of a fiscal year: a department renamed, several merged into one, or a new one established. The
/// departments it replaces get the resulting department as their successor; the editions from that year print the new
/// name and its staff keep the records of the departments it succeeded (ADR 0016).
/// </summary>
public sealed class DepartmentReorganization
{
    public const int MaxReasonLength = 500;

    private DepartmentReorganization()
    {
        Reason = string.Empty;
        RecordedBy = string.Empty;
    }

    private DepartmentReorganization(ReorganizationKind kind, FiscalYear asOf, Department result, string? reason, string recordedBy, DateTimeOffset at)
    {
        Kind = kind;
        AsOfYear = asOf;
        Department = result;
        Reason = Guard.Required(reason, "組織改正の理由", MaxReasonLength);
        RecordedBy = recordedBy;
        RecordedAt = at;
    }

    public int Id { get; private set; }

    public ReorganizationKind Kind { get; private set; }

    /// <summary>The first fiscal year in which the new organisation applies.</summary>
    public FiscalYear AsOfYear { get; private set; }

    /// <summary>The department that results: the renamed, merged-into or new one.</summary>
    public int DepartmentId { get; private set; }

    public Department Department { get; private set; } = null!;

    public string Reason { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>「市民活動推進課」 becomes 「地域振興課」 as of <paramref name="asOf"/>.</summary>
    public static DepartmentReorganization Rename(
        Department department, string? newName, FiscalYear asOf, string? reason, IReadOnlyCollection<Department> existing, string recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(department);
        var name = NewName(newName, existing);
        var reorganization = new DepartmentReorganization(ReorganizationKind.Rename, asOf, new Department(name, department.SortOrder, asOf), reason, recordedBy, at);
        department.SucceedBy(reorganization.Department, asOf);
        return reorganization;
    }

    /// <summary>
    /// <paramref name="merged"/> join <paramref name="into"/> (a department that goes on) or, when that is null, a new
    /// department named <paramref name="newName"/>.
    /// </summary>
    public static DepartmentReorganization Merge(
        IReadOnlyList<Department> merged, Department? into, string? newName, FiscalYear asOf, string? reason,
        IReadOnlyCollection<Department> existing, string recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(merged);
        if (merged.Count == 0)
        {
            throw new DomainException("統合する部署を選んでください。");
        }

        if (merged.Distinct().Count() != merged.Count)
        {
            throw new DomainException("統合する部署に同じ部署が重複しています。");
        }

        Department result;
        if (into is not null)
        {
            if (merged.Contains(into))
            {
                throw new DomainException($"統合先の「{into.Name}」を統合する部署にも選んでいます。");
            }

            if (!into.IsActiveIn(asOf))
            {
                throw new DomainException($"統合先の「{into.Name}」は{asOf.JapaneseName}にはありません。");
            }

            if (!string.IsNullOrWhiteSpace(newName))
            {
                throw new DomainException("統合先は、既存の部署か新しい部署名のどちらか一方を指定してください。");
            }

            result = into;
        }
        else
        {
            if (merged.Count < 2)
            {
                throw new DomainException("1つの部署を新しい名前にするときは「名称変更」を選んでください。新しい部署に統合するには2つ以上の部署を選んでください。");
            }

            result = new Department(NewName(newName, existing), merged.Min(d => d.SortOrder), asOf);
        }

        var reorganization = new DepartmentReorganization(ReorganizationKind.Merge, asOf, result, reason, recordedBy, at);
        foreach (var department in merged)
        {
            department.SucceedBy(result, asOf);
        }

        return reorganization;
    }

    /// <summary>A department established as of <paramref name="asOf"/>; it comes last in the lists.</summary>
    public static DepartmentReorganization Establish(
        string? name, FiscalYear asOf, string? reason, IReadOnlyCollection<Department> existing, string recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var department = new Department(NewName(name, existing), existing.Count == 0 ? 1 : existing.Max(d => d.SortOrder) + 1, asOf);
        return new DepartmentReorganization(ReorganizationKind.Establish, asOf, department, reason, recordedBy, at);
    }

    private static string NewName(string? name, IReadOnlyCollection<Department> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var trimmed = Guard.Required(name, "新しい部署名", Department.MaxNameLength);
        if (existing.FirstOrDefault(d => d.Name == trimmed) is { } same)
        {
            throw new DomainException(same.SucceededAsOf is { } year
                ? $"「{trimmed}」は{year.JapaneseName}の組織改正までの部署名として使われているため、同じ名前は付けられません。"
                : $"「{trimmed}」という部署は既にあります。");
        }

        return trimmed;
    }
}

public enum ReorganizationKind
{
    /// <summary>名称変更.</summary>
    Rename = 1,

    /// <summary>統合.</summary>
    Merge = 2,

    /// <summary>新設.</summary>
    Establish = 3,
}

public static class ReorganizationKinds
{
    public static string DisplayName(this ReorganizationKind kind) => kind switch
    {
        ReorganizationKind.Rename => "名称変更",
        ReorganizationKind.Merge => "統合",
        ReorganizationKind.Establish => "新設",
        _ => kind.ToString(),
    };
}
