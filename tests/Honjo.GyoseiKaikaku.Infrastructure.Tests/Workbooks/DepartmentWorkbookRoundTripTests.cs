using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Workbooks;

/// <summary>The writer and the reader agree: what is written reads back unchanged, and each kind of edit is caught.</summary>
public sealed class DepartmentWorkbookRoundTripTests
{
    private readonly DepartmentWorkbookReader _reader = new();

    [Fact]
    public void A_written_workbook_reads_back_with_its_metadata_and_inputs_and_no_problems()
    {
        var written = SampleWorkbooks.Department();

        var read = _reader.Read(SampleWorkbooks.Written());

        Assert.Empty(read.Problems);
        var workbook = read.Workbook!;
        Assert.Equal(DepartmentWorkbookLayout.FormatVersion, workbook.FormatVersion);
        Assert.Equal(written.Year, workbook.Year);
        Assert.Equal(written.Departments, workbook.Departments);
        Assert.Equal(written.UserId, workbook.UserId);
        Assert.Equal(written.DownloadedAt, workbook.DownloadedAt);
        Assert.Equal(["1-9", "1-10"], workbook.Sheets.Select(s => s.SheetName));
        var sheet = workbook.Sheets[0];
        Assert.Equal((9, 3, 2, ReportStatus.Draft), (sheet.PlanId, sheet.PlanVersion, sheet.ReportVersion, sheet.StatusAtDownload));
        Assert.Equal(written.Plans[0].Content, sheet.ContentAtDownload);
        Assert.Equal(WorkbookFingerprint.Content(sheet.Number, written.Plans[0].Content), sheet.ContentFingerprint);
        Assert.Equal(written.Plans[0].Inputs, sheet.Inputs);
        Assert.False(sheet.IsTouched);
        Assert.Equal("取扱い件数：5,600件\n（窓口）", workbook.Sheets[1].ContentAtDownload.Target);
    }

    [Fact]
    public void Every_sheet_is_protected_with_one_hash_and_only_the_three_inputs_are_unlocked()
    {
        using var book = new XLWorkbook(new MemoryStream(SampleWorkbooks.Written()));

        Assert.True(book.IsProtected);
        var sheets = book.Worksheets.ToList();
        Assert.All(sheets, s => Assert.True(s.Protection.IsPasswordProtected, s.Name));
        var plan = book.Worksheet("1-9");
        Assert.Equal(["C7", "C8", "C9"], plan.Range("A1:F20").Cells().Where(c => !c.Style.Protection.Locked).Select(c => c.Address.ToString()));
        Assert.Equal(XLWorksheetVisibility.VeryHidden, book.Worksheet(DepartmentWorkbookLayout.MetaSheet).Visibility);
    }

    [Fact]
    public void Typed_inputs_are_read_and_the_sheet_counts_as_touched()
    {
        var edited = SampleWorkbooks.Edit(SampleWorkbooks.Written(), book =>
        {
            book.Worksheet("1-10").Cell("C7").SetValue("  1行目\r\n2行目  ");
            book.Worksheet("1-10").Cell("C8").SetValue("ｂ");
            book.Worksheet("1-10").Cell("C9").Value = 2025;
        });

        var sheet = _reader.Read(edited).Workbook!.Sheets[1];

        Assert.Equal(new WorkbookInputs("1行目\n2行目", "ｂ", "2025"), sheet.Inputs);
        Assert.Equal("B", sheet.Inputs.Normalized().Grade);
        Assert.True(sheet.IsTouched);
        Assert.False(_reader.Read(edited).Workbook!.Sheets[0].IsTouched);
    }

    [Fact]
    public void Problems_name_the_sheet_and_the_cell()
    {
        var edited = SampleWorkbooks.Edit(SampleWorkbooks.Written(), book =>
        {
            book.Worksheet("1-9").Cell("C8").SetValue("S");
            book.Worksheet("1-9").Cell("C4").SetValue("別の計画名");
            book.Worksheet("1-9").Cell("B6").SetValue("見出しを変更");
            book.Worksheet("1-10").Cell("C7").FormulaA1 = "C4";
            book.Worksheet("1-10").Cell("C9").SetValue(new string('あ', YearEndReport.MaxTextLength + 1));
        });

        var problems = _reader.Read(edited).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("シート「1-9」のセルC8：年度末評価はA・B・Cのいずれかにしてください。", problems);
        Assert.Contains("シート「1-9」のセルC4：計画名は変更できないセルです。ダウンロードしたときの内容に戻してください。", problems);
        Assert.Contains("シート「1-9」のセルB6：見出し「令和6年度の達成目標」は変更できないセルです。ダウンロードしたときの内容に戻してください。", problems);
        Assert.Contains("シート「1-10」のセルC7：取組状況報告に数式は使えません。文字で入力してください。", problems);
        Assert.Contains("シート「1-10」のセルC9：次年度に向けた取組方針は4000文字以内で入力してください（現在4001文字）。", problems);
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void A_renamed_sheet_is_reported_as_missing()
    {
        var edited = SampleWorkbooks.Edit(SampleWorkbooks.Written(), book => book.Worksheet("1-10").Name = "1-10（市民課）");

        var read = _reader.Read(edited);

        Assert.Equal("シート「1-10」：シートが見つかりません。シートの名前を変えたり、シートを削除したりしないでください。", Assert.Single(read.Problems).ToString());
    }

    [Fact]
    public void Metadata_edited_to_match_an_edited_sheet_is_refused_as_damaged()
    {
        var edited = SampleWorkbooks.Edit(SampleWorkbooks.Written(), book =>
        {
            book.Worksheet("1-9").Cell("C6").SetValue("甘い目標");
            var meta = book.Worksheet(DepartmentWorkbookLayout.MetaSheet);
            var target = meta.RowsUsed().First(r => r.Cell(1).GetString() == WorkbookMetadata.Sheet).Cells().First(c => c.GetString() == WorkbookMetadata.Target).Address.ColumnNumber;
            meta.RowsUsed().First(r => r.Cell(1).GetString() == "1-9").Cell(target).SetValue("甘い目標");
        });

        var read = _reader.Read(edited);

        Assert.Null(read.Workbook);
        Assert.Contains("管理情報（非表示のシート）が壊れています", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_pass_as_a_zip_but_not_as_a_workbook_give_one_clear_message()
    {
        var read = _reader.Read(Honjo.GyoseiKaikaku.TestSupport.HostileFiles.ManyEntries(3));

        Assert.Null(read.Workbook);
        Assert.Equal(DepartmentWorkbookReader.UnreadableMessage, Assert.Single(read.Problems).Message);
    }
}
