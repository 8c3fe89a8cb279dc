using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// The 一覧: the booklet's 目次 as a table, one row per plan grouped by 改革分野, each plan name linking to its sheet.
/// </summary>
internal static class ContentsWorksheet
{
    public const string SheetName = "一覧";
    public const int HeaderRow = 2;
    public const int LastColumn = 7;

    public static readonly IReadOnlyList<string> Headers = ["番号", "計画名", "実行課", "開始", "終了", "評価", "頁"];

    /// <summary>
    /// 番号, 計画名, 実行課, 開始, 終了 (blank while a plan runs, as in the source), 評価, 頁. The 計画名 column holds
    /// the longest name (45 characters) on one line in LibreOffice, which never wraps a hyperlinked cell; Excel wraps
    /// it in two. The page is fitted to A4's width.
    /// </summary>
    private static readonly double[] Widths = [6, 58, 17, 5, 5, 6, 4];

    public static SheetModel Write(StyleTable styles, BookletDocument booklet)
    {
        var rows = new RowWriter(new SheetModel(SheetName, Widths), styles);

        rows.Write(24, new CellSpec(1, LastColumn, booklet.Title, ExcelLook.Title, ExcelLook.TitleFontSize));
        rows.Grid = true;
        rows.Write(Headers.Select((h, i) => CellSpec.Single(i + 1, h, ExcelLook.Label)).ToArray());
        foreach (var field in booklet.Fields)
        {
            rows.Write(new CellSpec(1, LastColumn, $"改革分野{field.Title}", ExcelLook.FieldHeading));
            foreach (var sheet in field.Sheets)
            {
                var row = rows.Write(
                    CellSpec.Single(1, sheet.Number.ToString(), ExcelLook.Centered),
                    CellSpec.Single(2, sheet.Name, ExcelLook.Link),
                    CellSpec.Single(3, sheet.ExecutingDepartmentsText, ExcelLook.Middle),
                    CellSpec.Single(4, sheet.StartYear.Code, ExcelLook.Centered),
                    CellSpec.Single(5, sheet.EndYear?.Code ?? string.Empty, ExcelLook.Centered),
                    CellSpec.Single(6, GradeLabel(sheet), ExcelLook.Centered),
                    CellSpec.Single(7, string.Empty, ExcelLook.Centered) with { Number = sheet.Page });
                rows.Sheet.Links.Add(new InternalLink(row, 2, $"{ExcelText.QuoteSheetName(PlanWorksheet.SheetName(sheet))}!A1", ExcelText.Clean(sheet.Name)));
            }
        }

        rows.Sheet.FrozenRows = HeaderRow;
        rows.Sheet.RepeatedRow = HeaderRow;
        rows.Sheet.Page = ExcelLook.PageSetup(booklet.Title, BookletLayout.FirstContentsPage, rows.Last, LastColumn, onePage: false);
        return rows.Sheet;
    }

    /// <summary>
    /// The 評価 column: the edition year's grade when accepted, else the latest earlier one — always with its year
    /// ("R6:A", "R5:B"), because during the year-end review both kinds stand in one column; blank when none.
    /// </summary>
    public static string GradeLabel(BookletSheet sheet) =>
        sheet.Grade is { } grade ? Label(sheet.ReportYear.Code, grade.ToString())
        : sheet.EarlierGrades.Count > 0 ? Label(sheet.EarlierGrades[^1].Year.Code, sheet.EarlierGrades[^1].Grade.ToString())
        : string.Empty;

    private static string Label(string year, string grade) => string.Create(CultureInfo.InvariantCulture, $"{year}:{grade}");
}
