using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class BookletContentsTests
{
    private const int Budget = BookletLayout.ContentsLinesPerPage;

    /// <summary>A name that prints on one line of the 計画名 column (20 full-width characters).</summary>
    private const string ShortName = "窓口アンケートの実施及びフィードバック。";

    /// <summary>A name that wraps into two lines (45 characters, as the source's 1-14).</summary>
    private const string LongName = "障害者の地域生活を支える相談支援体制の充実と連携体制の構築（基幹型相談支援センターの設置）";

    private static ContentsField Field(int number, int count, params int[] longAt) =>
        new(number, $"{number}. 改革分野{number}", Enumerable.Range(1, count)
            .Select(i => new ContentsLine(new PlanNumber(number, i), longAt.Contains(i) ? LongName : ShortName, "企画課"))
            .ToList());

    private static int Lines(ContentsField field, ContentsBlock block) =>
        BookletContents.HeadingLines(block.Continued ? field.ContinuedHeading : field.Heading)
        + field.Lines.Skip(block.Start).Take(block.Count).Sum(BookletContents.RowLines);

    private static int Lines(IReadOnlyList<ContentsField> fields, ContentsPage page) =>
        (page.HasTitle ? BookletLayout.TitleLines : 0) + page.Blocks.Sum(b => Lines(fields.Single(f => f.Number == b.FieldNumber), b));

    /// <summary>What every pagination must hold, whatever the input: budget kept, every row once and in order, headings right.</summary>
    private static void AssertWellFormed(IReadOnlyList<ContentsField> fields, BookletContents contents)
    {
        Assert.Equal(Enumerable.Range(BookletLayout.FirstContentsPage, contents.Pages.Count), contents.Pages.Select(p => p.Page));
        Assert.All(contents.Pages, p => Assert.True(Lines(fields, p) <= Budget, $"目次 page {p.Page} holds {Lines(fields, p)} lines."));

        var blocks = contents.Pages.SelectMany(p => p.Blocks).ToList();
        foreach (var field in fields.Where(f => f.Lines.Count > 0))
        {
            var own = blocks.Where(b => b.FieldNumber == field.Number).ToList();
            Assert.False(own[0].Continued);
            Assert.All(own.Skip(1), b => Assert.True(b.Continued));
            Assert.Equal(Enumerable.Range(0, field.Lines.Count), own.SelectMany(b => Enumerable.Range(b.Start, b.Count)));
            Assert.All(own.Skip(1), b => Assert.Same(b, contents.Pages.Single(p => p.Blocks.Contains(b)).Blocks[0]));
        }

        var sheets = fields.SelectMany(f => f.Lines).Select(l => l.Number).ToList();
        Assert.Equal(sheets, contents.Plans);
        Assert.Equal(Enumerable.Range(contents.FirstSheetPage, sheets.Count), sheets.Select(contents.PageOf));
        Assert.Equal(1 + contents.Pages.Count + sheets.Count, contents.PageCount);
    }

    [Fact]
    public void An_edition_shaped_like_R6_takes_two_contents_pages_and_its_fields_start_at_4_30_and_48()
    {
        // 26, 18 and 12 plans, one name wrapping in each of the first two fields, as in the source booklet.
        IReadOnlyList<ContentsField> fields = [Field(1, 26, 14), Field(2, 18, 7), Field(3, 12)];

        var contents = BookletContents.Paginate(fields);

        AssertWellFormed(fields, contents);
        Assert.Equal(2, contents.Pages.Count);
        Assert.Equal([1], contents.Pages[0].Blocks.Select(b => b.FieldNumber));
        Assert.Equal([2, 3], contents.Pages[1].Blocks.Select(b => b.FieldNumber));
        Assert.Equal([4, 30, 48], fields.Select(f => contents.PageOfField(f.Number)));
        Assert.Equal(4, contents.PageOf(new PlanNumber(1, 1)));
        Assert.Equal(59, contents.PageOf(new PlanNumber(3, 12)));
        Assert.Equal(59, contents.PageCount);
    }

    [Fact]
    public void A_field_that_does_not_fit_the_rest_of_a_page_starts_the_next_one_whole()
    {
        // Page 2: title 3 + heading 3 + 30 rows = 36; field 2 needs 3 + 10 = 13 more, over 43.
        IReadOnlyList<ContentsField> fields = [Field(1, 30), Field(2, 10)];

        var contents = BookletContents.Paginate(fields);

        AssertWellFormed(fields, contents);
        Assert.Equal(2, contents.Pages.Count);
        Assert.Equal(new ContentsBlock(2, false, 0, 10), contents.Pages[1].Blocks.Single());
        Assert.Equal(4, contents.PageOfField(1));
        Assert.Equal(34, contents.PageOfField(2));
    }

    [Fact]
    public void A_page_holds_exactly_its_budget_and_one_line_more_moves_the_field_on()
    {
        // Title 3 + heading 3 + 37 rows = 43 lines: the budget exactly.
        var full = BookletContents.Paginate([Field(1, Budget - 6)]);
        var over = BookletContents.Paginate([Field(1, Budget - 6, 1)]);

        Assert.Single(full.Pages);
        Assert.Equal(2, over.Pages.Count);
        Assert.Equal(new ContentsBlock(1, true, Budget - 7, 1), over.Pages[1].Blocks.Single());
    }

    [Fact]
    public void A_field_longer_than_a_page_carries_on_under_a_continued_heading()
    {
        IReadOnlyList<ContentsField> fields = [Field(1, 100, 5, 50, 99), Field(2, 5)];

        var contents = BookletContents.Paginate(fields);

        AssertWellFormed(fields, contents);
        Assert.Equal(3, contents.Pages.Count);
        // Page 2: title 3 + heading 3 + 36 rows (one wraps) = 43; page 3: 「（続き）」 3 + 39 rows (one wraps) = 43.
        Assert.Equal([(1, false, 0, 36), (1, true, 36, 39)], contents.Pages.Take(2).Select(p => p.Blocks.Single()).Select(b => (b.FieldNumber, b.Continued, b.Start, b.Count)));
        Assert.Equal([(1, true, 75, 25), (2, false, 0, 5)], contents.Pages[2].Blocks.Select(b => (b.FieldNumber, b.Continued, b.Start, b.Count)));
        Assert.Equal("改革分野1. 改革分野1（続き）", fields[0].ContinuedHeading);
        Assert.Equal(5, contents.PageOfField(1));
    }

    [Fact]
    public void A_long_field_starts_on_the_current_page_only_when_its_heading_and_three_rows_fit()
    {
        // Page 2 after field 1: 3 + 3 + 33 = 39 lines; field 2's heading and three rows (6) do not fit, so it moves.
        IReadOnlyList<ContentsField> tight = [Field(1, 33), Field(2, 60)];
        // After 3 + 3 + 31 = 37 lines, exactly heading and three rows fit: field 2 starts on page 2.
        IReadOnlyList<ContentsField> room = [Field(1, 31), Field(2, 60)];

        var moved = BookletContents.Paginate(tight);
        var started = BookletContents.Paginate(room);

        AssertWellFormed(tight, moved);
        AssertWellFormed(room, started);
        Assert.Equal([1], moved.Pages[0].Blocks.Select(b => b.FieldNumber));
        Assert.Equal(new ContentsBlock(2, false, 0, 3), started.Pages[0].Blocks[1]);
        Assert.True(started.Pages[1].Blocks[0].Continued);
    }

    [Fact]
    public void The_first_field_never_leaves_the_title_alone_on_a_page()
    {
        IReadOnlyList<ContentsField> fields = [Field(1, 39)];

        var contents = BookletContents.Paginate(fields);

        AssertWellFormed(fields, contents);
        Assert.Equal(new ContentsBlock(1, false, 0, 37), contents.Pages[0].Blocks.Single());
    }

    [Fact]
    public void An_edition_without_plans_has_one_contents_page_and_fields_without_plans_no_heading()
    {
        var contents = BookletContents.Paginate([new ContentsField(1, "1. 行政サービス改革", [])]);

        Assert.True(Assert.Single(contents.Pages).HasTitle);
        Assert.Empty(contents.Pages[0].Blocks);
        Assert.Equal(2, contents.PageCount);
        Assert.Equal(0, contents.PageOfField(1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Any_mix_of_short_and_wrapping_names_keeps_every_page_within_the_budget(int seed)
    {
        var random = new Random(seed);
        string Name() => string.Concat(Enumerable.Repeat("窓口", random.Next(3, 60)));
        IReadOnlyList<ContentsField> fields = Enumerable.Range(1, 3)
            .Select(f => new ContentsField(f, $"{f}. 分野", Enumerable.Range(1, random.Next(0, 150))
                .Select(i => new ContentsLine(new PlanNumber(f, i), Name(), random.Next(4) == 0 ? "企画課、情報システム課、財政課" : "企画課"))
                .ToList()))
            .ToList();

        AssertWellFormed(fields, BookletContents.Paginate(fields));
    }

    [Fact]
    public void Pagination_is_deterministic()
    {
        IReadOnlyList<ContentsField> fields = [Field(1, 90, 3, 4), Field(2, 41, 40), Field(3, 7)];

        var first = BookletContents.Paginate(fields);
        var second = BookletContents.Paginate(fields);

        Assert.Equal(
            first.Pages.SelectMany(p => p.Blocks.Select(b => (p.Page, b))),
            second.Pages.SelectMany(p => p.Blocks.Select(b => (p.Page, b))));
    }

    [Theory]
    [InlineData(35, 1)] // the column's capacity
    [InlineData(36, 2)]
    [InlineData(68, 2)] // a wrapped line is counted as 34
    [InlineData(69, 3)]
    public void A_name_wraps_at_35_full_width_characters_counted_with_one_less_on_wrapped_lines(int length, int lines)
    {
        Assert.Equal(lines, PrintedText.Lines(new string('漢', length), BookletLayout.NameColumnCharacters));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("ペーパーレス「一歩先へ！！」", 1)]
    [InlineData("ICT機器を活用した学習機会の提供", 1)]
    [InlineData(LongName, 2)]
    public void Names_of_the_source_wrap_as_printed(string name, int lines)
    {
        Assert.Equal(lines, PrintedText.Lines(name, BookletLayout.NameColumnCharacters));
    }

    [Fact]
    public void Narrow_Latin_counts_less_than_a_kanji_and_wide_Latin_as_much()
    {
        Assert.Equal(10 * PrintedText.NarrowWidth, PrintedText.Units("0123456789"), 6);
        Assert.Equal(4.0, PrintedText.Units("WEBm"), 6);
        Assert.Equal(3 * PrintedText.NarrowWidth, PrintedText.Units("ｱｲｳ"), 6);
        Assert.Equal(1, PrintedText.Lines("企画課、情報システム課", BookletLayout.DepartmentsColumnCharacters));
        Assert.Equal(2, PrintedText.Lines("企画課、情報システム課、財政課", BookletLayout.DepartmentsColumnCharacters));
    }

    [Fact]
    public void A_document_is_numbered_from_its_contents_and_a_single_plan_keeps_its_booklet_page()
    {
        var document = new BookletDocument(
            "本庄市行政改革大綱", "テーマ", "R5～R9", new FiscalYear(6), "令和6年度 実施計画シート(案)", "令和6年 月", [new FiscalYear(6)],
            [
                new BookletField(1, "行政サービス改革", 0, Enumerable.Range(1, 40).Select(i => Sheet(new PlanNumber(1, i))).ToList()),
                new BookletField(2, "業務改善・効率化改革", 0, Enumerable.Range(1, 5).Select(i => Sheet(new PlanNumber(2, i))).ToList()),
            ]);

        var paginated = document.Paginate();

        Assert.Equal(2, paginated.Contents.Pages.Count);
        Assert.Equal(Enumerable.Range(4, 45), paginated.Sheets.Select(s => s.Page));
        Assert.Equal([4, 44], paginated.Fields.Select(f => f.Page));
        Assert.Equal(1 + 2 + 45, paginated.PageCount);
        var single = paginated.ForPlan(new PlanNumber(2, 3));
        Assert.Equal(1, single.PageCount);
        Assert.Equal(46, single.Sheets.Single().Page);
        Assert.Null(paginated.Sheets.First().EndYear);
    }

    private static BookletSheet Sheet(PlanNumber number) => new(
        number, ShortName, "1. 行政サービス改革", ["企画課"], [], false, new FiscalYear(5), new FiscalYear(9), [], ReformPerspective.BetterFuture,
        [], [], [], [], [], new FiscalYear(6), string.Empty, null, string.Empty, [], [], 0);
}
