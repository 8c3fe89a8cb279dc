using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// One plan's worksheet, named by its number ("1-9") and laid out row by row like the printed A4 sheet (and the
/// screen's Sheet.cshtml): a label column and five value columns, one per year of the 大綱 in the 年度 rows.
/// </summary>
internal static class PlanWorksheet
{
    public const int ValueColumns = 5;
    public const int LastColumn = 1 + ValueColumns;

    /// <summary>A label column of 20 digits and five of 15.5: 710 px, the 190 mm between A4's 10 mm margins.</summary>
    private static readonly double[] Widths = [20, 15.5, 15.5, 15.5, 15.5, 15.5];

    public const string PolicyMeasureLabel = "本庄市総合振興計画\n（後期基本計画施策中項目）";

    public static string SheetName(BookletSheet sheet) => sheet.Number.ToString();

    public static SheetModel Write(StyleTable styles, BookletDocument booklet, BookletSheet sheet)
    {
        if (sheet.Targets.Count != ValueColumns)
        {
            throw new InvalidOperationException(
                $"The sheet of {sheet.Number} has {sheet.Targets.Count} years of targets; the Excel layout holds {ValueColumns} (R5–R9).");
        }

        var rows = new RowWriter(new SheetModel(SheetName(sheet), Widths), styles);

        // The title row is ruled below with a medium line.
        rows.Write(
            new CellSpec(1, 4, booklet.SheetHeading, ExcelLook.Title with { Lines = Lines.MediumBelow }, ExcelLook.NameFontSize),
            new CellSpec(5, LastColumn, $"計画番号 {sheet.Number}", ExcelLook.RightNote with { Lines = Lines.MediumBelow }));
        rows.Grid = true;
        rows.Write(
            CellSpec.Single(1, "改革テーマ", ExcelLook.Label),
            new CellSpec(2, LastColumn, booklet.Theme, ExcelLook.Bold));
        rows.Space(6);

        Text(rows, "改革分野", sheet.FieldTitle);
        rows.Write(Label("計画名"), new CellSpec(2, LastColumn, sheet.Name, ExcelLook.Bold, ExcelLook.NameFontSize));
        rows.Write(
            Label("実行課"),
            new CellSpec(2, 3, sheet.ExecutingDepartmentsText, ExcelLook.Value),
            CellSpec.Single(4, "連携課", ExcelLook.Label),
            new CellSpec(5, 6, sheet.CooperatorsText, ExcelLook.Value));
        rows.Write(
            Label("開始年度"),
            CellSpec.Single(2, sheet.StartYear.Code, ExcelLook.Centered),
            CellSpec.Single(3, "達成目標年度", ExcelLook.Label),
            CellSpec.Single(4, sheet.TargetYear.Code, ExcelLook.Centered),
            CellSpec.Single(5, "SDGs関連No.", ExcelLook.Label),
            CellSpec.Single(6, string.Join("、", sheet.SdgGoals.Select(g => g.ToString(CultureInfo.InvariantCulture))), ExcelLook.Centered));
        Text(rows, "改革の視点", sheet.Perspective.DisplayName());
        rows.Write(
            CellSpec.Single(1, PolicyMeasureLabel, ExcelLook.Label, ExcelLook.SmallFontSize),
            new CellSpec(2, LastColumn, sheet.PolicyMeasuresText, ExcelLook.Value));
        Text(rows, "現状と課題", ExcelText.Lines(sheet.CurrentSituation));
        Text(rows, "取組内容", ExcelText.Lines(sheet.Actions));
        Text(rows, "取組の効果", ExcelText.Lines(sheet.Effects));
        rows.Write(
            [Label("年度"), .. sheet.Targets.Select((t, i) => CellSpec.Single(
                i + 2, t.Year.Code, t.Year == sheet.ReportYear ? ExcelLook.CurrentYearLabel : ExcelLook.Label))]);
        rows.Write(
            [Label("各年度達成目標"), .. sheet.Targets.Select((t, i) => CellSpec.Single(
                i + 2, ExcelText.Lines(t.Lines), ExcelLook.Target(t.Year == sheet.ReportYear, t.InPlanPeriod), ExcelLook.TargetFontSize))]);
        Text(rows, sheet.StatusReportHeading, sheet.StatusReport, minLines: 4);
        Text(rows, "年度末評価", GradeText(sheet));
        Text(rows, sheet.NextYearPolicyHeading, sheet.NextYearPolicy, minLines: 4);
        Text(rows, "備考", ExcelText.Lines(sheet.Remarks));

        rows.Sheet.Page = ExcelLook.PageSetup(booklet.Title, sheet.Page, rows.Last, LastColumn, onePage: true);
        return rows.Sheet;
    }

    /// <summary>"B　（前年度までの評価：R5年度 A）": this year's grade, then the earlier years' as the screen shows them.</summary>
    public static string GradeText(BookletSheet sheet)
    {
        var parts = new List<string>(2);
        if (sheet.Grade is { } grade)
        {
            parts.Add(grade.ToString());
        }

        // The 企画課's 二次評価, only where the edition prints it (ADR 0028): the sheet then carries it.
        if (sheet.SecondGrade is { } second)
        {
            parts.Add($"（二次評価：{second}）");
        }

        if (sheet.EarlierGrades.Count > 0)
        {
            parts.Add($"（前年度までの評価：{string.Join("、", sheet.EarlierGrades.Select(g => $"{g.Year.Code}年度 {g.Grade}" + (g.SecondGrade is { } s ? $"（二次評価 {s}）" : string.Empty)))}）");
        }

        return string.Join("　", parts);
    }

    private static CellSpec Label(string text) => CellSpec.Single(1, text, ExcelLook.Label);

    private static void Text(RowWriter rows, string label, string text, int minLines = 1) =>
        rows.Write(Label(label), new CellSpec(2, LastColumn, text, ExcelLook.Value, MinLines: minLines));
}
