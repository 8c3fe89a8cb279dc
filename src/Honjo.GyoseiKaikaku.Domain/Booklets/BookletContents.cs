using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Booklets;

/// <summary>What the height of one 目次 row depends on: the plan's name and its executing departments as printed.</summary>
public sealed record ContentsLine(PlanNumber Number, string Name, string Departments);

/// <summary>A reform field's 目次 rows in booklet order. <see cref="Title"/> is "1. 行政サービス改革".</summary>
public sealed record ContentsField(int Number, string Title, IReadOnlyList<ContentsLine> Lines)
{
    /// <summary>"改革分野1. 行政サービス改革": the heading above the field's table.</summary>
    public string Heading => HeadingOf(Title);

    /// <summary>"改革分野1. 行政サービス改革（続き）": the heading repeated where a field carries on from the previous page.</summary>
    public string ContinuedHeading => ContinuedHeadingOf(Title);

    public static string HeadingOf(string title) => $"改革分野{title}";

    public static string ContinuedHeadingOf(string title) => $"改革分野{title}（続き）";
}

/// <summary>
/// A run of one field's rows on one 目次 page: <see cref="Count"/> rows from <see cref="Start"/> (0-based, within the
/// field). A <see cref="Continued"/> block carries the field on from the previous page under a 「（続き）」 heading.
/// </summary>
public sealed record ContentsBlock(int FieldNumber, bool Continued, int Start, int Count);

/// <summary>One printed 目次 page: its booklet page number and its blocks, top to bottom.</summary>
public sealed record ContentsPage(int Page, IReadOnlyList<ContentsBlock> Blocks)
{
    /// <summary>Only the first 目次 page carries the 「目次」 title.</summary>
    public bool HasTitle => Page == BookletLayout.FirstContentsPage;
}

/// <summary>
/// The 目次 of one edition cut into printed pages, and every page number that follows from it: the cover is page 1,
/// the 目次 takes as many pages as its rows need, then each sheet has one page in booklet order. The 目次 is paginated
/// by the line budget of <see cref="BookletLayout"/> rather than measured by the browser, so that its page numbers are
/// known before printing (a printed 目次 must name pages that come after it) and every screen, the PDF and the Excel
/// booklet show the same numbers without laying anything out. See ADR 0017.
/// </summary>
public sealed class BookletContents
{
    private readonly Dictionary<PlanNumber, int> _sheetPages;
    private readonly Dictionary<int, int> _fieldPages;

    private BookletContents(IReadOnlyList<ContentsPage> pages, IReadOnlyList<ContentsField> fields)
    {
        Pages = pages;
        Plans = fields.SelectMany(f => f.Lines).Select(l => l.Number).ToList();
        _sheetPages = Plans.Select((number, i) => (number, i)).ToDictionary(x => x.number, x => FirstSheetPage + x.i);
        _fieldPages = fields.Where(f => f.Lines.Count > 0).ToDictionary(f => f.Number, f => _sheetPages[f.Lines[0].Number]);
    }

    /// <summary>The 目次 pages; there is always at least one (it carries the title even when the edition is empty).</summary>
    public IReadOnlyList<ContentsPage> Pages { get; }

    /// <summary>The plans in booklet order, as their sheets follow the 目次.</summary>
    public IReadOnlyList<PlanNumber> Plans { get; }

    public int FirstSheetPage => BookletLayout.FirstContentsPage + Pages.Count;

    /// <summary>The page count of the whole printed booklet: cover, 目次 and one page per sheet.</summary>
    public int PageCount => FirstSheetPage - 1 + Plans.Count;

    /// <summary>The page <paramref name="number"/>'s sheet is printed on.</summary>
    public int PageOf(PlanNumber number) =>
        _sheetPages.TryGetValue(number, out var page) ? page : throw new ArgumentException($"{number} is not in this 目次.", nameof(number));

    /// <summary>The page a field's part starts on (its first sheet), as its 目次 heading prints it; 0 for a field without plans.</summary>
    public int PageOfField(int fieldNumber) => _fieldPages.GetValueOrDefault(fieldNumber);

    /// <summary>
    /// Cuts the 目次 into pages, deterministically. Rows are counted in lines (<see cref="RowLines"/>). A field is kept
    /// together: it goes on the current page when it fits there and otherwise starts a new page. A field longer than
    /// a page starts where it is (if its heading and <see cref="BookletLayout.MinimumRowsUnderHeading"/> rows fit) and
    /// carries on over the next pages, each starting with its heading marked 「（続き）」 and the table's header row.
    /// </summary>
    public static BookletContents Paginate(IReadOnlyList<ContentsField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var pages = new List<IReadOnlyList<ContentsBlock>>();
        var blocks = new List<ContentsBlock>();
        var used = BookletLayout.TitleLines;

        void NewPage()
        {
            pages.Add(blocks);
            blocks = [];
            used = 0;
        }

        foreach (var field in fields.Where(f => f.Lines.Count > 0))
        {
            var rows = field.Lines.Select(RowLines).ToList();
            var heading = HeadingLines(field.Heading);
            var whole = heading + rows.Sum();
            if (blocks.Count > 0 && used + whole > BookletLayout.ContentsLinesPerPage)
            {
                var fitsOnAPage = whole <= BookletLayout.ContentsLinesPerPage;
                var roomToStart = used + heading + rows.Take(BookletLayout.MinimumRowsUnderHeading).Sum() <= BookletLayout.ContentsLinesPerPage;
                if (fitsOnAPage || !roomToStart)
                {
                    NewPage();
                }
            }

            used += heading;
            var continued = false;
            var start = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                // A row is never left alone on a page it overflows: with nothing above it, it stays (it cannot fit anywhere).
                if (used + rows[i] > BookletLayout.ContentsLinesPerPage && i > start)
                {
                    blocks.Add(new ContentsBlock(field.Number, continued, start, i - start));
                    NewPage();
                    used = HeadingLines(field.ContinuedHeading);
                    continued = true;
                    start = i;
                }

                used += rows[i];
            }

            blocks.Add(new ContentsBlock(field.Number, continued, start, rows.Count - start));
        }

        pages.Add(blocks);
        return new BookletContents(
            pages.Select((b, i) => new ContentsPage(BookletLayout.FirstContentsPage + i, b)).ToList(),
            fields);
    }

    /// <summary>The lines a 目次 row takes: its name or its departments, whichever wraps into more lines.</summary>
    public static int RowLines(ContentsLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Math.Max(
            PrintedText.Lines(line.Name, BookletLayout.NameColumnCharacters),
            PrintedText.Lines(line.Departments, BookletLayout.DepartmentsColumnCharacters));
    }

    /// <summary>The lines a field heading and its table's header row take; a heading that wraps takes one more a line.</summary>
    public static int HeadingLines(string heading) =>
        BookletLayout.HeadingLines - 1 + PrintedText.Lines(heading, BookletLayout.HeadingCharacters);
}

/// <summary>
/// How wide a text prints in the booklet's font (Noto Sans CJK JP), counted in full-width characters, and how many
/// lines it wraps into. It errs wide: a text judged narrower than it prints would overflow a 目次 page and fail the
/// export, while one judged wider only leaves some space.
/// </summary>
public static class PrintedText
{
    /// <summary>
    /// Digits, lower-case Latin letters, ASCII punctuation and half-width kana: at most 0.62 em in Noto Sans CJK JP.
    /// </summary>
    public const double NarrowWidth = 0.65;

    /// <summary>Kanji, kana, full-width forms, upper-case Latin letters and m w @ % &amp; (up to 0.95 em): one full width.</summary>
    public const double FullWidth = 1.0;

    /// <summary>The width of <paramref name="text"/> in full-width characters.</summary>
    public static double Units(string text) => Units(text, Width);

    /// <summary>The width of <paramref name="text"/> in full-width characters, each as wide as <paramref name="width"/> says.</summary>
    public static double Units(string text, Func<char, double> width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(width);
        var units = 0.0;
        foreach (var c in text)
        {
            units += width(c);
        }

        return units;
    }

    /// <summary>
    /// The lines <paramref name="text"/> wraps into at <paramref name="capacity"/> full-width characters a line. A
    /// wrapped line is counted as holding one character less than fits: Japanese line breaking (kinsoku) pushes a
    /// character on rather than start a line with 「、」 or end one with 「（」, and a Latin word is not split.
    /// </summary>
    public static int Lines(string text, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        return Lines(text, capacity, Width);
    }

    /// <summary>
    /// The lines <paramref name="text"/> wraps into at <paramref name="capacity"/> full-width characters a line, each
    /// character as wide as <paramref name="width"/> says; a wrapped line holds one character less (kinsoku, above).
    /// The one wrapping rule of the 目次 and of the Excel booklet's row heights, which count widths in their own fonts.
    /// </summary>
    public static int Lines(string text, double capacity, Func<char, double> width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wrapped = Math.Max(1.0, capacity - 1.0);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            var units = Units(line, width);
            lines += units <= capacity ? 1 : (int)Math.Ceiling((units / wrapped) - 1e-9);
        }

        return lines;
    }

    private static double Width(char c) => IsNarrow(c) ? NarrowWidth : FullWidth;

    private static bool IsNarrow(char c) =>
        (c <= '\u007f' && !char.IsAsciiLetterUpper(c) && c is not ('m' or 'w' or '@' or '%' or '&'))
        || (c >= '\uff61' && c <= '\uff9f');
}
