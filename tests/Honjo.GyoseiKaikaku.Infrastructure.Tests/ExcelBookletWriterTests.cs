using System.Globalization;
using System.Xml.Linq;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Honjo.GyoseiKaikaku.TestSupport;
using Xunit.Abstractions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>
/// The Excel booklet written from the seeded database and read back: with ClosedXML for the cells, and as raw
/// package XML for what ClosedXML itself gets wrong (defined names, column order).
/// </summary>
public sealed class ExcelBookletWriterTests(ExcelBookletFixture fixture, ITestOutputHelper output) : IClassFixture<ExcelBookletFixture>
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] PlanRowLabels =
    [
        "改革分野", "計画名", "実行課", "開始年度", "改革の視点", "本庄市総合振興計画\n（後期基本計画施策中項目）",
        "現状と課題", "取組内容", "取組の効果", "年度", "各年度達成目標", "R6年度末の取組状況報告", "年度末評価",
        "R7年度に向けた取組方針", "備考",
    ];

    private readonly BookletSeedDocument _seed = RepoPaths.ReadSeed();

    [Fact]
    public void The_index_comes_first_with_the_title_the_header_and_56_plans_under_their_3_field_headings()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        var index = workbook.Worksheet(1);

        Assert.Equal("一覧", index.Name);
        Assert.Equal("本庄市行政改革大綱 令和6年度 実施計画シート(案)", index.Cell("A1").GetString());
        Assert.Equal(["番号", "計画名", "実行課", "開始", "終了", "評価", "頁"], Enumerable.Range(1, 7).Select(c => index.Cell(2, c).GetString()));

        var expected = new List<string[]>();
        foreach (var field in _seed.Fields)
        {
            expected.Add([$"改革分野{field.Number}. {field.Name}"]);
            foreach (var plan in _seed.Plans.Where(p => p.Id.StartsWith($"{field.Number}-", StringComparison.Ordinal)))
            {
                expected.Add(
                [
                    // 終了 is the source's: blank while a plan runs (never the 達成目標年度).
                    plan.Id, plan.Name, string.Join("、", plan.ExecutingDepartments), plan.StartYear, plan.TocEnd ?? string.Empty,
                    plan.Grades.TryGetValue("R5", out var grade) ? $"R5:{grade}" : string.Empty,
                    plan.TocPage.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        var rows = Enumerable.Range(3, index.LastRowUsed().RowNumber() - 2)
            .Select(r => index.Cell(r, 1).IsMerged()
                ? new[] { index.Cell(r, 1).GetString() }
                : Enumerable.Range(1, 7).Select(c => index.Cell(r, c).GetString()).ToArray())
            .ToList();
        Assert.Equal(56 + 3, rows.Count);
        Assert.Equal(expected, rows);
        Assert.Equal(Enumerable.Range(4, 56), rows.Where(r => r.Length == 7).Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)));
        Assert.All(
            Enumerable.Range(3, 59).Where(r => !index.Cell(r, 1).IsMerged()),
            r => Assert.Equal(XLDataType.Number, index.Cell(r, 7).DataType));
    }

    [Fact]
    public void The_index_grade_is_the_edition_years_grade_else_the_latest_earlier_one_with_its_year()
    {
        var graded = fixture.Booklet.Sheets.Where(s => s.EarlierGrades.Count > 0).Take(2).Select(s => s.Number).ToList();
        var document = WithSheet(fixture.Booklet, s =>
            s.Number == graded[0] ? s with { Grade = EvaluationGrade.C }
            : s.Number == graded[1] ? s with { EarlierGrades = [] }
            : s);

        using var workbook = ExcelBookletFixture.Open(new ExcelBookletWriter().Write(document));
        var index = workbook.Worksheet("一覧");
        string GradeOf(PlanNumber number) => index.CellsUsed().Single(c => c.Address.ColumnNumber == 1 && c.GetString() == number.ToString()).CellRight(5).GetString();

        Assert.Equal("R6:C", GradeOf(graded[0]));
        Assert.Equal(string.Empty, GradeOf(graded[1]));
        var other = fixture.Booklet.Sheets.First(s => s.EarlierGrades.Count > 0 && !graded.Contains(s.Number));
        Assert.Equal($"R5:{other.EarlierGrades[^1].Grade}", GradeOf(other.Number));
    }

    [Fact]
    public void Each_plan_name_in_the_index_links_to_the_worksheet_of_that_plan()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        var index = workbook.Worksheet("一覧");

        var links = 0;
        foreach (var row in index.RowsUsed().Where(r => r.RowNumber() > 2 && !r.Cell(1).IsMerged()))
        {
            var number = row.Cell(1).GetString();
            var link = row.Cell(2).Hyperlink;
            Assert.False(link.IsExternal);
            var target = link.InternalAddress;
            var sheetName = target[..target.LastIndexOf('!')].Trim('\'');
            Assert.Equal(number, sheetName);
            Assert.Equal(row.Cell(2).GetString(), workbook.Worksheet(sheetName).Cell(PlanCell(workbook.Worksheet(sheetName), "計画名")).GetString());
            links++;
        }

        Assert.Equal(56, links);
    }

    [Fact]
    public void There_is_one_worksheet_per_plan_named_by_its_number_in_booklet_order()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);

        Assert.Equal(["一覧", .. _seed.Plans.Select(p => p.Id)], workbook.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Every_text_of_every_sheet_is_in_its_cell_item_by_item()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        var years = new[] { "R5", "R6", "R7", "R8", "R9" };

        foreach (var plan in _seed.Plans)
        {
            var ws = workbook.Worksheet(plan.Id);
            var sheet = fixture.Booklet.Sheets.Single(s => s.Number.ToString() == plan.Id);
            var field = _seed.Fields.Single(f => plan.Id.StartsWith($"{f.Number}-", StringComparison.Ordinal));
            var rows = LabelRows(ws);
            string At(string label, int column) => ws.Cell(rows[label], column).GetString();

            Assert.Equal(["本庄市行政改革大綱 R6年度実施計画シート", "改革テーマ", .. PlanRowLabels], rows.Keys);
            Assert.Equal($"計画番号 {plan.Id}", ws.Cell(1, 5).GetString());
            Assert.Equal(_seed.Outline.Theme, At("改革テーマ", 2));
            Assert.Equal($"{field.Number}. {field.Name}", At("改革分野", 2));
            Assert.Equal(plan.Name, At("計画名", 2));
            Assert.Equal(string.Join("、", plan.ExecutingDepartments), At("実行課", 2));
            Assert.Equal("連携課", At("実行課", 4));
            Assert.Equal(string.Join("、", plan.Cooperating.Entries) + (plan.Cooperating.OpenEnded ? "など" : string.Empty), At("実行課", 5));
            Assert.Equal(plan.StartYear, At("開始年度", 2));
            Assert.Equal("達成目標年度", At("開始年度", 3));
            Assert.Equal(plan.TargetYear, At("開始年度", 4));
            Assert.Equal("SDGs関連No.", At("開始年度", 5));
            Assert.Equal(string.Join("、", plan.Sdgs), At("開始年度", 6));
            Assert.Equal(plan.Perspective, At("改革の視点", 2));
            Assert.Equal(string.Join("、", plan.PolicyItems), At(PlanRowLabels[5], 2));
            Assert.Equal(plan.CurrentSituation, Items(At("現状と課題", 2)));
            Assert.Equal(plan.Actions, Items(At("取組内容", 2)));
            Assert.Equal(plan.Effects, Items(At("取組の効果", 2)));
            Assert.Equal(plan.Remarks, Items(At("備考", 2)));
            Assert.Equal(years, Enumerable.Range(2, 5).Select(c => At("年度", c)));
            for (var i = 0; i < years.Length; i++)
            {
                var lines = plan.Targets.TryGetValue(years[i], out var t) ? t : [];
                Assert.Equal(lines, Items(At("各年度達成目標", i + 2)));
            }

            Assert.Equal(sheet.StatusReport, At("R6年度末の取組状況報告", 2));
            Assert.Equal(sheet.NextYearPolicy, At("R7年度に向けた取組方針", 2));
            Assert.Equal(
                plan.Grades.TryGetValue("R5", out var grade) ? $"（前年度までの評価：R5年度 {grade}）" : string.Empty,
                At("年度末評価", 2));
        }
    }

    [Fact]
    public void Texts_sit_in_merged_wrapped_cells_with_labels_filled_and_the_table_ruled()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);

        foreach (var ws in workbook.Worksheets.Skip(1))
        {
            var rows = LabelRows(ws);
            Assert.Equal("A1:D1", ws.Cell(1, 1).MergedRange().RangeAddress.ToString());
            foreach (var label in new[] { "改革分野", "計画名", "改革の視点", "現状と課題", "取組内容", "取組の効果", "年度末評価", "備考", "R6年度末の取組状況報告" })
            {
                var cell = ws.Cell(rows[label], 2);
                Assert.Equal($"B{rows[label]}:F{rows[label]}", cell.MergedRange().RangeAddress.ToString());
                Assert.True(cell.Style.Alignment.WrapText, $"{ws.Name} {label} wraps");
                Assert.Equal(XLBorderStyleValues.Thin, cell.Style.Border.TopBorder);
                Assert.NotEqual(XLColor.NoColor, ws.Cell(rows[label], 1).Style.Fill.BackgroundColor);
            }

            Assert.Equal($"B{rows["実行課"]}:C{rows["実行課"]}", ws.Cell(rows["実行課"], 2).MergedRange().RangeAddress.ToString());
            Assert.Equal($"E{rows["実行課"]}:F{rows["実行課"]}", ws.Cell(rows["実行課"], 5).MergedRange().RangeAddress.ToString());
            Assert.All(Enumerable.Range(2, 5), c => Assert.True(ws.Cell(rows["各年度達成目標"], c).Style.Alignment.WrapText));
            Assert.Equal("ＭＳ ゴシック", ws.Cell(rows["現状と課題"], 2).Style.Font.FontName);
        }
    }

    [Fact]
    public void Every_row_is_tall_enough_for_its_wrapped_text()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        var checkedTall = 0;

        foreach (var ws in workbook.Worksheets)
        {
            foreach (var cell in ws.CellsUsed().Where(c => c.Style.Alignment.WrapText && (!c.IsMerged() || c.MergedRange().FirstCell().Address.Equals(c.Address))))
            {
                var range = cell.IsMerged() ? cell.MergedRange() : ws.Range(cell.Address, cell.Address);
                var pixels = range.Columns().Sum(c => (ws.Column(c.ColumnNumber()).Width * 7) + 5) - 6;
                var perLine = Math.Floor(pixels / (cell.Style.Font.FontSize * 4 / 3));
                var lines = cell.GetString().Split('\n').Sum(l => Math.Max(1, (int)Math.Ceiling(l.Sum(ch => ch < 0x80 ? 0.5 : 1.0) / perLine)));
                var height = range.Rows().Sum(r => ws.Row(r.RowNumber()).Height);

                // A line of 9 pt Japanese needs at least 1.2 × 9 pt in Excel; LibreOffice needs more.
                Assert.True(height >= lines * cell.Style.Font.FontSize * 1.2, $"{ws.Name}!{cell.Address}: {lines} lines in {height} pt");
                if (lines >= 3)
                {
                    Assert.True(height > ws.RowHeight * 2, $"{ws.Name}!{cell.Address} is taller than the default row");
                    checkedTall++;
                }
            }
        }

        Assert.True(checkedTall > 100, $"Long texts were expected on most sheets; {checkedTall} found.");
    }

    [Fact]
    public void A_text_taller_than_Excels_largest_row_spans_several_rows_merged_vertically()
    {
        var single = fixture.Booklet.ForPlan(PlanNumber.Parse("1-9"));
        var longReport = string.Join("\n", Enumerable.Range(1, 80).Select(i => $"○取組状況の報告 その{i}"));
        var document = WithSheet(single, s => s with { StatusReport = longReport });

        using var workbook = ExcelBookletFixture.Open(new ExcelBookletWriter().Write(document));
        var ws = workbook.Worksheet("1-9");
        var rows = LabelRows(ws);
        var value = ws.Cell(rows["R6年度末の取組状況報告"], 2).MergedRange();

        Assert.Equal(longReport, value.FirstCell().GetString());
        Assert.True(value.RowCount() >= 2);
        Assert.Equal(value.RowCount(), ws.Cell(rows["R6年度末の取組状況報告"], 1).MergedRange().RowCount());
        Assert.All(value.Rows(), r => Assert.InRange(ws.Row(r.RowNumber()).Height, 1, 409));
        Assert.True(value.Rows().Sum(r => ws.Row(r.RowNumber()).Height) >= 80 * 9 * 1.2);
    }

    [Fact]
    public void Each_plan_sheet_prints_on_one_A4_portrait_page_numbered_as_in_the_booklet()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);

        foreach (var sheet in fixture.Booklet.Sheets)
        {
            var ws = workbook.Worksheet(sheet.Number.ToString());
            var page = ws.PageSetup;
            Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
            Assert.Equal(XLPageOrientation.Portrait, page.PageOrientation);
            Assert.Equal(1, page.PagesWide);
            Assert.Equal(1, page.PagesTall);
            Assert.Equal($"$A$1:$F${ws.LastRowUsed().RowNumber()}", page.PrintAreas.Single().RangeAddress.ToString());
            Assert.Equal((uint)sheet.Page, page.FirstPageNumber);
            Assert.Contains(fixture.Booklet.Title, page.Header.Right.GetText(XLHFOccurrence.OddPages), StringComparison.Ordinal);
            Assert.Contains("&P", page.Footer.Center.GetText(XLHFOccurrence.OddPages), StringComparison.Ordinal);
            Assert.True(page.Margins.Left is > 0 and < 1);
        }

        var index = workbook.Worksheet("一覧").PageSetup;
        Assert.Equal(XLPaperSize.A4Paper, index.PaperSize);
        Assert.Equal(1, index.PagesWide);
        Assert.Equal((uint)BookletLayout.FirstContentsPage, index.FirstPageNumber);
    }

    [Fact]
    public void The_index_of_a_larger_edition_gives_the_computed_pages_and_each_sheet_is_numbered_from_its_page()
    {
        // 80 plans: a 目次 of three pages, so the sheets start at page 5 (the R6 seed's stored pages start at 4).
        var booklet = LargerBooklets.Enlarge(fixture.Booklet, 36, 26, 18);

        using var workbook = ExcelBookletFixture.Open(new ExcelBookletWriter().Write(booklet));
        var index = workbook.Worksheet("一覧");
        var rows = Enumerable.Range(3, index.LastRowUsed().RowNumber() - 2).Where(r => !index.Cell(r, 1).IsMerged()).ToList();

        Assert.Equal(3, booklet.Contents.Pages.Count);
        Assert.Equal(booklet.Sheets.Select(s => s.Number.ToString()), rows.Select(r => index.Cell(r, 1).GetString()));
        Assert.Equal(Enumerable.Range(5, 80), rows.Select(r => index.Cell(r, 7).GetValue<int>()));
        Assert.All(rows, r => Assert.Equal(string.Empty, index.Cell(r, 5).GetString()));
        Assert.All(booklet.Sheets, s => Assert.Equal((uint)s.Page, workbook.Worksheet(s.Number.ToString()).PageSetup.FirstPageNumber));
    }

    [Fact]
    public void Print_titles_and_areas_are_saved_with_quoted_sheet_names_and_absolute_references()
    {
        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        var names = ExcelBookletFixture.Part(fixture.Workbook, "xl/workbook.xml").Descendants(Main + "definedName").ToList();
        string Defined(string name, int sheet) =>
            names.Single(n => (string)n.Attribute("name")! == name && (int?)n.Attribute("localSheetId") == sheet).Value;

        Assert.Equal("'一覧'!$2:$2", Defined("_xlnm.Print_Titles", 0));
        Assert.Single(names, n => (string)n.Attribute("name")! == "_xlnm.Print_Titles");
        for (var i = 0; i < workbook.Worksheets.Count; i++)
        {
            var ws = workbook.Worksheet(i + 1);
            var lastColumn = i == 0 ? "G" : "F";
            Assert.Equal($"'{ws.Name}'!$A$1:${lastColumn}${ws.LastRowUsed().RowNumber()}", Defined("_xlnm.Print_Area", i));
        }
    }

    [Fact]
    public void Column_definitions_are_saved_in_column_order()
    {
        foreach (var (name, part) in ExcelBookletFixture.SheetParts(fixture.Workbook))
        {
            var columns = part.Descendants(Main + "col").Select(c => ((int)c.Attribute("min")!, (int)c.Attribute("max")!)).ToList();
            Assert.NotEmpty(columns);
            for (var i = 1; i < columns.Count; i++)
            {
                Assert.True(columns[i].Item1 > columns[i - 1].Item2, $"{name}: <col> {columns[i]} follows {columns[i - 1]}");
            }
        }
    }

    [Fact]
    public void Texts_that_look_like_formulas_are_stored_as_text_never_as_formulas()
    {
        var tricky = new[] { "=SUM(A1)", "@cmd", "+1+1", "-2", "=HYPERLINK(\"http://example.invalid\",\"x\")" };
        var document = WithSheet(fixture.Booklet, s => s.Number == PlanNumber.Parse("1-9")
            ? s with { Name = tricky[0], Actions = tricky, StatusReport = tricky[4], Remarks = [tricky[1]], Cooperators = [tricky[2]] }
            : s);

        var bytes = new ExcelBookletWriter().Write(document);
        using var workbook = ExcelBookletFixture.Open(bytes);
        var ws = workbook.Worksheet("1-9");
        var rows = LabelRows(ws);

        Assert.Equal(tricky[0], ws.Cell(rows["計画名"], 2).GetString());
        Assert.Equal(string.Join("\n", tricky), ws.Cell(rows["取組内容"], 2).GetString());
        Assert.Equal(tricky[4], ws.Cell(rows["R6年度末の取組状況報告"], 2).GetString());
        Assert.Equal(tricky[1], ws.Cell(rows["備考"], 2).GetString());
        Assert.Equal(tricky[2], ws.Cell(rows["実行課"], 5).GetString());
        var indexCell = workbook.Worksheet("一覧").CellsUsed().Single(c => c.GetString() == tricky[0]);
        foreach (var cell in new[] { ws.Cell(rows["計画名"], 2), ws.Cell(rows["R6年度末の取組状況報告"], 2), ws.Cell(rows["備考"], 2), indexCell })
        {
            Assert.False(cell.HasFormula, $"{cell.Address} holds a formula");
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Address} is quoted");
        }

        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula));
        Assert.All(ExcelBookletFixture.SheetParts(bytes).Values, part => Assert.Empty(part.Descendants(Main + "f")));
    }

    [Fact]
    public void A_single_plan_document_is_one_worksheet_without_the_index()
    {
        var single = fixture.Booklet.ForPlan(PlanNumber.Parse("2-18"));

        var bytes = new ExcelBookletWriter().Write(single);
        using var workbook = ExcelBookletFixture.Open(bytes);

        var ws = Assert.Single(workbook.Worksheets);
        Assert.Equal("2-18", ws.Name);
        Assert.Equal("企画課、情報システム課", ws.Cell(LabelRows(ws)["実行課"], 2).GetString());
        Assert.Equal((uint)single.Sheets.Single().Page, ws.PageSetup.FirstPageNumber);
        Assert.DoesNotContain(
            ExcelBookletFixture.Part(bytes, "xl/workbook.xml").Descendants(Main + "definedName"),
            n => (string)n.Attribute("name")! == "_xlnm.Print_Titles");
    }

    [Fact]
    public void The_whole_booklet_is_one_workbook_of_a_sensible_size()
    {
        // How fast it is written is measured by scripts/bench.sh, not asserted here (docs/benchmarks.md).
        var bytes = new ExcelBookletWriter().Write(fixture.Booklet);
        output.WriteLine($"57 worksheets, {bytes.Length / 1024} KB.");

        Assert.InRange(bytes.Length, 20_000, 2_000_000);
    }

    [Fact]
    public void The_package_written_directly_is_valid_SpreadsheetML_with_its_title_and_company()
    {
        // The workbook is written as XML without ClosedXML (ADR 0032): the OpenXML SDK's schema validation is what
        // Excel applies when it opens a file (an invalid part makes Excel offer to "repair" the workbook).
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(fixture.Workbook), isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010)
            .Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Take(20).ToList();
        Assert.Empty(errors);
        Assert.Equal(fixture.Booklet.Title, document.PackageProperties.Title);
        Assert.Equal(fixture.Booklet.Theme, document.PackageProperties.Subject);

        using var workbook = ExcelBookletFixture.Open(fixture.Workbook);
        Assert.Equal("本庄市", workbook.Properties.Company);
        Assert.Equal(fixture.Booklet.Title, workbook.Properties.Title);
    }

    [Fact]
    public void Writing_tells_its_progress_sheet_by_sheet_up_to_the_whole_booklet()
    {
        var large = LargerBooklets.Repeat(fixture.Booklet, 2);
        var reports = new List<BookletProgress>();
        var bytes = new ExcelBookletWriter().Write(large, new SynchronousProgress(reports.Add));

        var total = large.Sheets.Count();
        Assert.True(reports.Count >= 3, $"{reports.Count} reports");
        Assert.All(reports, r => Assert.Equal(total, r.Total));
        Assert.Equal(("一覧を作成中", 0), (reports[0].Step, reports[0].Done));
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
        Assert.Contains(reports, r => r.Done > 0 && r.Done < total && r.Step == "シートを作成中");
        Assert.Equal((total, "ファイルにまとめています"), (reports[^1].Done, reports[^1].Step));

        // Telling the progress changes nothing in the file.
        using var workbook = ExcelBookletFixture.Open(bytes);
        Assert.Equal(1 + total, workbook.Worksheets.Count);
    }

    /// <summary>Progress told on the writer's own thread (<see cref="Progress{T}"/> would post it elsewhere).</summary>
    private sealed class SynchronousProgress(Action<BookletProgress> report) : IProgress<BookletProgress>
    {
        public void Report(BookletProgress value) => report(value);
    }

    /// <summary>The row of each label in column A (the top cell of a merged label), in sheet order.</summary>
    [Fact]
    public void The_1008_plan_edition_opens_with_its_index_and_one_sheet_per_plan_in_booklet_order()
    {
        // The issue's large edition: R6's plans 18 times per field, renumbered (LargerBooklets.Repeat = LargeEdition).
        var large = LargerBooklets.Repeat(fixture.Booklet, 18);
        var bytes = new ExcelBookletWriter().Write(large);

        using var workbook = ExcelBookletFixture.Open(bytes);
        var expected = new[] { "一覧" }.Concat(large.Sheets.Select(s => s.Number.ToString())).ToList();
        Assert.Equal(1 + 1008, expected.Count);
        Assert.Equal(expected, workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(["1-1", "1-468", "2-1", "2-324", "3-1", "3-216"], new[] { 1, 468, 469, 792, 793, 1008 }.Select(i => workbook.Worksheet(i + 1).Name));

        var index = workbook.Worksheet("一覧");
        var planRows = index.RowsUsed().Where(r => r.RowNumber() > 2 && !r.Cell(1).IsMerged()).ToList();
        Assert.Equal(1008, planRows.Count);
        Assert.Equal(large.Sheets.Select(s => s.Page), planRows.Select(r => (int)r.Cell(7).GetDouble()));

        // A sheet far into the booklet reads as its source sheet does, under its own number and page.
        var last = large.Sheets.Last();
        var ws = workbook.Worksheet(last.Number.ToString());
        Assert.Equal($"計画番号 {last.Number}", ws.Cell(1, 5).GetString());
        Assert.Equal(last.Name, ws.Cell(LabelRows(ws)["計画名"], 2).GetString());
        Assert.Equal((uint)last.Page, ws.PageSetup.FirstPageNumber);
        Assert.Equal(XLBorderStyleValues.Thin, ws.Cell(LabelRows(ws)["取組内容"], 2).Style.Border.TopBorder);

        // Every worksheet keeps its columns in order, as the schema requires (the package fix, on every sheet).
        Assert.All(ExcelBookletFixture.SheetParts(bytes).Values, part =>
        {
            var mins = part.Descendants(Main + "col").Select(c => (int)c.Attribute("min")!).ToList();
            Assert.Equal(mins.Order(), mins);
        });
    }

    private static Dictionary<string, int> LabelRows(IXLWorksheet ws) =>
        ws.Column(1).CellsUsed()
            .Where(c => !c.IsMerged() || c.MergedRange().FirstCell().Address.Equals(c.Address))
            .OrderBy(c => c.Address.RowNumber)
            .ToDictionary(c => c.GetString(), c => c.Address.RowNumber);

    private static string PlanCell(IXLWorksheet ws, string label) => $"B{LabelRows(ws)[label]}";

    private static string[] Items(string cell) => cell.Length == 0 ? [] : cell.Split('\n');

    private static BookletDocument WithSheet(BookletDocument booklet, Func<BookletSheet, BookletSheet> change) => booklet with
    {
        Fields = booklet.Fields.Select(f => f with { Sheets = f.Sheets.Select(change).ToList() }).ToList(),
    };
}
