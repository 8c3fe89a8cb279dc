using Honjo.GyoseiKaikaku.Web.Features.Shared.Forms;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// The fields of the report page's forms that the page shows, in its order, as their error messages name them (ids of
/// Edit.cshtml). The forms never show together with the same names: entry needs an open report, 訂正 a closed one,
/// review a submitted one, reopening an accepted one.
/// </summary>
public static class ReportFormFields
{
    public static IReadOnlyList<FormField> Of(ReportEditorViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = new List<FormField>();
        if (model.CanEdit)
        {
            fields.Add(FormField.Of("StatusReport", "取組状況報告"));
            if (model.Quantity is not null)
            {
                fields.Add(FormField.Of("ActualValue", "実績値"));
            }

            fields.Add(new("Grade", ["年度末評価"], Anchor: "Grade-A"));
            if (model.Quantity is not null)
            {
                fields.Add(FormField.Of("GradeExplanation", "評価の説明"));
            }

            fields.Add(FormField.Of("NextYearPolicy", "取組方針", "改善策"));
        }

        if (model.CanCorrect)
        {
            fields.Add(new("correct-status-report", ["取組状況報告"], Binding: "StatusReport"));
            if (model.Quantity is not null)
            {
                fields.Add(new("correct-actual", ["実績値"], Binding: "ActualValue"));
            }

            fields.Add(new("correct-grade", ["年度末評価"], Anchor: "correct-grade-A", Binding: "Grade"));
            if (model.Quantity is not null)
            {
                fields.Add(new("correct-explanation", ["評価の説明"], Binding: "GradeExplanation"));
            }

            fields.Add(new("correct-next-policy", ["取組方針", "改善策"], Binding: "NextYearPolicy"));
            fields.Add(new("correct-reason", ["訂正の理由"], Binding: "Reason"));
        }

        if (model.CanReview)
        {
            fields.Add(new("second-grade", ["二次評価（A・B・C）", "二次評価はA"], Anchor: "second-grade-A", Binding: "SecondGrade"));
            fields.Add(new("second-grade-reason", ["二次評価の理由"], Binding: "SecondGradeReason"));
            fields.Add(new("return-comment", ["コメント", "差戻しの理由"], Binding: "Comment"));
        }

        if (model.CanReopen)
        {
            fields.Add(new("reopen-reason", ["コメント", "再開の理由"], Binding: "Comment"));
        }

        return fields;
    }
}
