using System.Globalization;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>One column of the open-data CSV, as the column dictionary describes it.</summary>
public sealed record OpenDataColumn(string Key, string JapaneseName, string Type, string Example, string Description, Func<OpenDataset, OpenDataPlan, OpenDataYear, string> Value);

/// <summary>
/// The columns of the open-data CSV, in order. The keys are stable English identifiers (the CSV header);
/// the Japanese names, types and examples are the column dictionary (/opendata/columns.csv).
/// </summary>
public static class OpenDataColumns
{
    public static IReadOnlyList<OpenDataColumn> All { get; } =
    [
        new("edition", "版", "string", "R6", "公表された冊子の版（令和の年度コード）。", (d, _, _) => d.Edition.Code),
        new("plan_id", "計画番号", "string", "1-9", "改革分野番号と分野内の番号を「-」で結んだ計画の識別子。Excelでは日付に変換されることがあるため、field_number と plan_number も併記しています。", (_, p, _) => p.PlanId),
        new("field_number", "改革分野番号", "integer", "1", "改革分野の番号。", (_, p, _) => Integer(p.FieldNumber)),
        new("field_name", "改革分野", "string", "行政サービス改革", "改革分野の名称。", (_, p, _) => p.FieldName),
        new("plan_number", "分野内の計画番号", "integer", "9", "改革分野の中での計画の番号。", (_, p, _) => Integer(p.PlanNumber)),
        new("plan_name", "計画名", "string", "コンビニ交付の普及推進", "実施計画の名称。同じ名称の計画が複数あるため、識別には plan_id を使ってください。", (_, p, _) => p.Name),
        new("executing_departments", "実行課", "string", "市民課", "計画を実行する課。複数の場合は「、」区切り。", (_, p, _) => p.ExecutingDepartmentsText),
        new("cooperating_departments", "連携課", "string", "課税課", "連携する課等。複数の場合は「、」区切り。冊子どおり「全庁」などの語や末尾の「など」を含みます。", (_, p, _) => p.CooperatingDepartmentsText),
        new("start_year", "開始年度", "string (fiscal year)", "R5", "計画の開始年度（R5 = 令和5年度）。", (_, p, _) => p.StartYear.Code),
        new("target_year", "達成目標年度", "string (fiscal year)", "R9", "計画の達成目標年度。", (_, p, _) => p.TargetYear.Code),
        new("perspective", "改革の視点", "string", "ICTの積極的な活用", "大綱の4つの改革の視点のうち、計画が該当するもの。", (_, p, _) => p.Perspective),
        new("fiscal_year", "年度", "string (fiscal year)", "R6", "この行の年度。大綱の期間（R5～R9）の各年度に1行ずつあります。", (_, _, y) => y.FiscalYear.Code),
        new("in_plan_period", "計画期間内", "boolean", "true", "この年度が開始年度から達成目標年度までの期間内なら true。", (_, _, y) => y.InPlanPeriod ? "true" : "false"),
        new("target", "目標", "string", "証明書のコンビニ交付件数：16,800件", "この年度の目標。複数行の場合はセル内で改行（LF）しています。", (_, _, y) => y.Target),
        new("status_report", "取組状況報告", "string", "交付件数は17,000件（目標16,800件）。", "この年度末の取組状況報告。企画課が受理した報告のみ。未受理・未提出の場合は空欄。", (_, _, y) => y.StatusReport ?? string.Empty),
        new("grade", "年度末評価", "string (A|B|C)", "A", "A: 目標を達成、B: 概ね達成、C: 未達成。受理された評価のみ。評価がない場合は空欄。", (_, _, y) => y.Grade ?? string.Empty),
        new("next_year_policy", "次年度に向けた取組方針", "string", "周知を続けます。", "この年度末に示した次年度に向けた取組方針。受理された報告のみ。それ以外は空欄。", (_, _, y) => y.NextYearPolicy ?? string.Empty),
        new("second_grade", "二次評価", "string (A|B|C)", "B", "企画課が報告を受理したときに付けた評価（二次評価）。部署の年度末評価（grade）はそのまま残り、これはその横に記録されます。受理された報告で二次評価があるもののみ。それ以外は空欄。", (_, _, y) => y.SecondGrade ?? string.Empty),
        new("second_grade_reason", "二次評価の理由", "string", "実績値が目標に届いていないため。", "企画課が二次評価に付けた理由。二次評価が部署の評価と異なる場合は必ずあります。", (_, _, y) => y.SecondGradeReason ?? string.Empty),
    ];

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
