using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>The plan form as posted: multi-item texts are one item per line.</summary>
public sealed record PlanEditRequest
{
    public int Version { get; init; }

    /// <summary>改革分野 of a new plan (adding only).</summary>
    public int? Field { get; init; }

    /// <summary>The number in its field of a new plan (adding only); the next free one by default.</summary>
    public int? Number { get; init; }

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

    /// <summary>計画変更の種類, required when a carried-over plan changes.</summary>
    public PlanChangeType? ChangeType { get; init; }

    /// <summary>計画変更の理由, printed in 備考 as 「&lt;令和7年度計画変更&gt; 理由」.</summary>
    [System.ComponentModel.DataAnnotations.StringLength(PlanChange.MaxReasonLength, ErrorMessage = "計画変更の理由は{1}文字以内で入力してください。")]
    public string? ChangeReason { get; init; }

    /// <summary>訂正の理由: required when a published (fixed) version is corrected.</summary>
    [System.ComponentModel.DataAnnotations.StringLength(Domain.Editions.Correction.MaxReasonLength, ErrorMessage = "訂正の理由は{1}文字以内で入力してください。")]
    public string? CorrectionReason { get; init; }
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
    /// <summary>The version was carried over from an earlier edition: saving a change is a 計画変更.</summary>
    public bool IsCarriedOver { get; init; }

    public string EditionName { get; init; } = string.Empty;

    /// <summary>The version is fixed by 計画の公表: the form is read-only unless this is a 訂正.</summary>
    public bool IsFixed { get; init; }

    /// <summary>The form corrects a fixed version (訂正, <c>?correction=1</c>): a reason is required and the booklet is published again.</summary>
    public bool IsCorrection { get; init; }

    /// <summary>The plan changed since the form was opened (answered 409; the person's input stays in the form).</summary>
    public bool IsConflict { get; init; }

    /// <summary>The form adds a new plan to the edition (field and number are chosen).</summary>
    public bool IsNew { get; init; }

    public IReadOnlyList<(int Number, string Title)> Fields { get; init; } = [];

    public string YearCode { get; init; } = string.Empty;

    public string? YearRoute => Context.YearRoute;
}
