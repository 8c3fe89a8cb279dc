using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>The plan form as posted: multi-item texts are one item per line.</summary>
public sealed record PlanEditRequest
{
    public int Version { get; init; }

    public string? Name { get; init; }

    public List<int> ExecutingDepartmentIds { get; init; } = [];

    /// <summary>連携課 as written: entries separated by 「、」, e.g. 「財政課、各公共施設所管課」.</summary>
    public string? Cooperators { get; init; }

    public bool CooperatorsOpenEnded { get; init; }

    public string? StartYear { get; init; }

    public string? TargetYear { get; init; }

    public ReformPerspective? Perspective { get; init; }

    public List<int> Sdgs { get; init; } = [];

    public string? PolicyMeasures { get; init; }

    public string? CurrentSituation { get; init; }

    public string? Actions { get; init; }

    public string? Effects { get; init; }

    public string? Remarks { get; init; }

    /// <summary>Yearly targets keyed by year code ("R5" … "R9").</summary>
    public Dictionary<string, string?> Targets { get; init; } = [];
}

public sealed record PlanEditViewModel(
    Shared.EditionContext Context,
    PlanNumber Number,
    string FieldTitle,
    PlanEditRequest Form,
    IReadOnlyList<DepartmentLink> Departments,
    IReadOnlyList<string> Years,
    IReadOnlyList<string> Errors)
{
    public string YearParam => Context.HasSeveralEditions ? $"?year={Context.Year.Code}" : string.Empty;
}
