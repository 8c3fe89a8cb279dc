namespace Honjo.GyoseiKaikaku.Domain.Departments;

/// <summary>An organisational unit of the city: a 課, 室, 局 or facility, including the 支所 units.</summary>
public sealed class Department
{
    private Department()
    {
        Name = string.Empty;
    }

    public Department(string name, int sortOrder)
    {
        Name = Common.Guard.Required(name, "部署名", 50);
        SortOrder = sortOrder;
        Kind = KindOf(Name);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public DepartmentKind Kind { get; private set; }

    /// <summary>The order in which the departments first appear in the booklet.</summary>
    public int SortOrder { get; private set; }

    /// <summary>支所 units (支所総務課, 支所市民福祉課, 支所環境産業課) serve the 児玉 branch office.</summary>
    public bool IsBranch => Name.StartsWith("支所", StringComparison.Ordinal);

    public static DepartmentKind KindOf(string name) => name switch
    {
        _ when name.EndsWith('課') => DepartmentKind.Division,
        _ when name.EndsWith('室') => DepartmentKind.Office,
        _ when name.EndsWith('局') => DepartmentKind.Bureau,
        _ => DepartmentKind.Facility,
    };
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
