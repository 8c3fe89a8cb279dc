using Honjo.GyoseiKaikaku.Web.Features.Shared.Forms;

namespace Honjo.GyoseiKaikaku.Web.Features.PlanEdit;

/// <summary>The fields of the plan form (_PlanFields, with New's and Edit's own), in the page's order, as the messages of
/// PlanEditHandler and the entities name them.</summary>
public static class PlanFormFields
{
    public static IReadOnlyList<FormField> Of(PlanEditViewModel model, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = new List<FormField>();
        if (isNew)
        {
            fields.Add(FormField.Of("Field", "改革分野"));
            fields.Add(FormField.Of("Number", "番号"));
        }

        fields.AddRange(
        [
            FormField.Of("Name", "計画名"),
            FormField.Of("ExecutingDepartmentIds", "実行課"),
            FormField.Of("Cooperators", "連携課"),
            FormField.Of("StartYear", "開始年度"),
            FormField.Of("TargetYear", "達成目標年度"),
            FormField.Of("Perspective", "改革の視点"),
            new("Sdgs", ["SDGs"], Anchor: "sdg-1"),
            FormField.Of("PolicyMeasures", "施策中項目", "総合振興計画"),
            FormField.Of("CurrentSituation", "現状と課題"),
            FormField.Of("Actions", "取組内容"),
            FormField.Of("Effects", "取組の効果"),
        ]);
        fields.AddRange(model.Years.Select(y => new FormField($"target-{y}", [$"令和{y[1..]}年度の達成目標", $"{y}年度の目標", $"{y}の目標"], Binding: $"Targets[{y}]")));
        fields.Add(FormField.Of("Remarks", "備考"));
        if (!isNew && model.IsCorrection)
        {
            fields.Add(FormField.Of("CorrectionReason", "訂正の理由"));
        }

        if (!isNew && model.IsCarriedOver && !model.IsFixed)
        {
            fields.Add(FormField.Of("ChangeType", "計画変更の種類", "計画変更"));
            fields.Add(FormField.Of("ChangeReason", "計画変更の理由"));
        }

        return fields;
    }

    /// <summary>The 計画を終了する form on the edit page.</summary>
    public static IReadOnlyList<FormField> EndForm { get; } =
    [
        new("end-kind", ["終了の種類"], Binding: "Kind"),
        new("end-merged", ["統合先"], Binding: "MergedInto"),
        new("end-reason", ["終了の理由", "廃止の理由", "完了の理由", "統合の理由"], Binding: "Reason"),
    ];
}
