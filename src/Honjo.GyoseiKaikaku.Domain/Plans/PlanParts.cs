using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>One of the plan's executing departments (実行課), in printed order.</summary>
public sealed class PlanExecutingDepartment
{
    private PlanExecutingDepartment()
    {
    }

    internal PlanExecutingDepartment(Department department, int order)
    {
        Department = department;
        DepartmentId = department.Id;
        Order = order;
    }

    public int PlanId { get; private set; }

    public int DepartmentId { get; private set; }

    public Department Department { get; private set; } = null!;

    public int Order { get; private set; }
}

/// <summary>
/// One entry of 連携課: either a department, or a group word the booklet uses in its place
/// (全庁, 関係各課, 各公共施設所管課, …). Exactly one of the two is set.
/// </summary>
public sealed class PlanCooperator
{
    /// <summary>The words the booklet uses in 連携課 in place of department names.</summary>
    public static IReadOnlyList<string> KnownGroupWords { get; } = ["全庁", "関係各課", "各公共施設所管課", "福祉部各課", "庁内各課"];

    private PlanCooperator()
    {
    }

    internal PlanCooperator(Department? department, string? groupLabel, int order)
    {
        if ((department is null) == string.IsNullOrWhiteSpace(groupLabel))
        {
            throw new DomainException("連携課は部署か区分（全庁など）のどちらか一方を指定してください。");
        }

        Department = department;
        DepartmentId = department?.Id;
        GroupLabel = department is null ? groupLabel!.Trim() : null;
        Order = order;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int? DepartmentId { get; private set; }

    public Department? Department { get; private set; }

    public string? GroupLabel { get; private set; }

    public int Order { get; private set; }

    public string Label => Department?.Name ?? GroupLabel ?? string.Empty;
}

/// <summary>One item of one of the sheet's texts.</summary>
public sealed class PlanTextItem
{
    private PlanTextItem()
    {
        Text = string.Empty;
    }

    internal PlanTextItem(PlanTextSection section, int order, string text)
    {
        Section = section;
        Order = order;
        Text = text;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public PlanTextSection Section { get; private set; }

    public int Order { get; private set; }

    public string Text { get; private set; }
}

/// <summary>各年度達成目標: the target of one fiscal year, free text, possibly several lines, possibly blank.</summary>
public sealed class PlanYearTarget
{
    private PlanYearTarget()
    {
        Text = string.Empty;
    }

    internal PlanYearTarget(FiscalYear year, string text)
    {
        Year = year;
        Text = text;
        RefreshQuantity();
    }

    public int PlanId { get; private set; }

    public FiscalYear Year { get; private set; }

    public string Text { get; private set; }

    /// <summary>The target value read by <see cref="TargetParser"/>; null when the target is text only.</summary>
    public decimal? TargetValue { get; private set; }

    public string? TargetUnit { get; private set; }

    public TargetDirection? TargetDirection { get; private set; }

    /// <summary>The quantity of this target, read from <see cref="Text"/> (the source of truth); null when text only.</summary>
    public TargetQuantity? Quantity => TargetParser.TryParse(Text, out var quantity) ? quantity : null;

    /// <summary>The target as first set, when a later edition changed it (目標変更); null while unchanged.</summary>
    public string? OriginalText { get; private set; }

    internal void SetText(string text, bool keepOriginal = false)
    {
        if (keepOriginal && OriginalText is null && text != Text)
        {
            OriginalText = Text;
        }

        Text = text;
        RefreshQuantity();
    }

    /// <summary>The same target in the next edition's version, with its original kept.</summary>
    internal PlanYearTarget CopyForNextEdition() => new(Year, Text) { OriginalText = OriginalText };

    /// <summary>Stores the parsed quantity beside the text, so that queries can use it.</summary>
    internal void RefreshQuantity()
    {
        var quantity = Quantity;
        TargetValue = quantity?.Value;
        TargetUnit = quantity?.Unit;
        TargetDirection = quantity?.Direction;
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>An SDGs goal (1–17) the plan contributes to.</summary>
public sealed class PlanSdgGoal
{
    private PlanSdgGoal()
    {
    }

    internal PlanSdgGoal(int goal)
    {
        if (goal is < 1 or > 17)
        {
            throw new DomainException("SDGsのゴール番号は1～17で指定してください。");
        }

        Goal = goal;
    }

    public int PlanId { get; private set; }

    public int Goal { get; private set; }
}
