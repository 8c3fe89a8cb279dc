using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// Where everything sits in a department workbook. The writer writes these cells and the reader checks them, so a
/// locked cell's expected text is computed in one place.
/// </summary>
public static class DepartmentWorkbookLayout
{
    public const string FormatName = "honjo.gyoseikaikaku/department-workbook";
    public const int FormatVersion = 1;
    public const string GuideSheet = "説明";
    public const string MetaSheet = "_meta";

    public const string NumberCell = "C3";
    public const string NameCell = "C4";
    public const string DepartmentsCell = "C5";
    public const string TargetCell = "C6";
    public const string StatusReportCell = "C7";
    public const string GradeCell = "C8";
    public const string NextYearPolicyCell = "C9";
    public const int LastRow = 11;

    public const string GradeGuide = "年度末評価の基準　A：目標を達成　B：概ね達成　C：未達成";

    public static string Title(FiscalYear year, PlanNumber number) => $"{year.JapaneseName} 年度末報告　{number}";

    public static string StatusReportLabel(FiscalYear year) => $"{year.Code}年度末の取組状況報告";

    public static string NextYearPolicyLabel(FiscalYear year) => $"{year.Next.Code}年度に向けた取組方針";

    public static string TargetLabel(FiscalYear year) => $"{year.JapaneseName}の達成目標";

    public const string GradeLabel = "年度末評価（A・B・C）";

    /// <summary>The line under the title: how to fill the sheet, or why it cannot be changed.</summary>
    public static string Notice(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "この報告は提出済のため、このファイルでは変更できません（企画課の確認待ち）。",
        ReportStatus.Accepted => "この報告は確認済のため、このファイルでは変更できません。変更が必要な場合は企画課に再開を依頼してください。",
        _ => $"黄色のセルに入力してください。灰色のセルは変更できません。（ダウンロード時の状態：{status.DisplayName()}）",
    };

    /// <summary>Every locked cell that holds text, with what it must hold: the reader refuses a sheet where one differs.</summary>
    public static IReadOnlyList<LockedCell> LockedCells(FiscalYear year, PlanNumber number, ReportStatus status, WorkbookPlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return
        [
            new("A1", "表題", Title(year, number)),
            new("A2", "表題の下の説明", Notice(status)),
            Heading("A3", "計画"),
            Heading("B3", "計画番号"),
            new(NumberCell, "計画番号", number.ToString()),
            Heading("B4", "計画名"),
            new(NameCell, "計画名", content.Name),
            Heading("B5", "実行課"),
            new(DepartmentsCell, "実行課", content.Departments),
            Heading("B6", TargetLabel(year)),
            new(TargetCell, TargetLabel(year), content.Target),
            Heading("A7", "年度末報告"),
            Heading("B7", StatusReportLabel(year)),
            Heading("B8", GradeLabel),
            Heading("B9", NextYearPolicyLabel(year)),
            new($"A{LastRow}", "評価の基準", GradeGuide),
        ];
    }

    private static LockedCell Heading(string cell, string text) => new(cell, $"見出し「{text}」", text);

    /// <summary>The three input cells with the names people know them by.</summary>
    public static IReadOnlyList<(string Cell, string Label)> InputCells(FiscalYear year) =>
    [
        (StatusReportCell, StatusReportLabel(year)),
        (GradeCell, "年度末評価"),
        (NextYearPolicyCell, NextYearPolicyLabel(year)),
    ];
}

/// <summary>A locked cell, what it is called in a message, and the text it holds.</summary>
public sealed record LockedCell(string Cell, string Label, string Value);
