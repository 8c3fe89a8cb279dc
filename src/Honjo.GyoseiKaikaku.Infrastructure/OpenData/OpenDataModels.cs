using System.Text.Json.Serialization;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>A published edition as the open-data list shows it.</summary>
public sealed record OpenDataEditionSummary(FiscalYear Year, string Title, DateTimeOffset PublishedAt);

/// <summary>
/// The open data of one published edition: every plan with one entry per fiscal year of the 大綱.
/// Year-end results are those the 企画課 accepted, for years up to the edition's own year only.
/// </summary>
public sealed record OpenDataset(
    FiscalYear Edition,
    string EditionTitle,
    DateTimeOffset PublishedAt,
    string OutlineTitle,
    IReadOnlyList<FiscalYear> OutlineYears,
    IReadOnlyList<OpenDataPlan> Plans);

/// <summary>One plan; the open data's JSON writes its properties as they stand here (<see cref="OpenDataJsonWriter"/>).</summary>
public sealed record OpenDataPlan(
    string PlanId,
    int FieldNumber,
    string FieldName,
    int PlanNumber,
    string Name,
    IReadOnlyList<string> ExecutingDepartments,
    IReadOnlyList<string> CooperatingDepartments,
    bool CooperatorsOpenEnded,
    FiscalYear StartYear,
    FiscalYear TargetYear,
    string Perspective,
    IReadOnlyList<OpenDataYear> Years)
{
    /// <summary>連携課 as printed: joined with "、", "など" when the list is open-ended (the CSV's; the JSON has the list).</summary>
    [JsonIgnore]
    public string CooperatingDepartmentsText => string.Join("、", CooperatingDepartments) + (CooperatorsOpenEnded ? "など" : string.Empty);

    [JsonIgnore]
    public string ExecutingDepartmentsText => string.Join("、", ExecutingDepartments);
}

/// <summary>One fiscal year of a plan; the report fields are null unless an accepted report exists.</summary>
public sealed record OpenDataYear(
    FiscalYear FiscalYear,
    bool InPlanPeriod,
    string Target,
    string? StatusReport,
    string? Grade,
    string? NextYearPolicy)
{
    /// <summary>The 企画課's 二次評価 of an accepted report (ADR 0028); null when none.</summary>
    public string? SecondGrade { get; init; }

    public string? SecondGradeReason { get; init; }
}
