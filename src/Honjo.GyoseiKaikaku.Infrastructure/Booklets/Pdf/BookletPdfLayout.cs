using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// Lays out the booklet's pages the way Print.cshtml, _SheetBody.cshtml, booklet.css and sheet.css print them (ADR
/// 0036): the cover, the 目次 pages as BookletContents cut them, one sheet per page shrunk to fit, the page number at
/// the foot. Each page is built on its own, so an unchanged sheet's page can be reused.
/// </summary>
/// <remarks>
/// The text of each page is drawn in the order Chromium painted it, which is the order a reader of the PDF gets it:
/// the page number first, then on a sheet page the hidden headings (1 pt, white, at the foot of the sheet: they carry
/// the bookmarks' and the structure tree's whole names, ADR 0025), then the sheet. Chromium's page box snapped the
/// @page margins to whole CSS pixels (10 mm → 38 px), so the content starts where it did there.
/// </remarks>
public sealed class BookletPdfLayout(FontFamily fonts)
{
    /// <summary>@page margins (12 mm 10 mm 16 mm) as Chromium placed them: whole CSS pixels (0.75 pt).</summary>
    private static readonly double Left = Px(PdfPageBuilder.Mm(10));

    private static readonly double Top = Px(PdfPageBuilder.Mm(12));
    private static readonly double BottomMargin = Px(PdfPageBuilder.Mm(16));

    /// <summary>The height a sheet may take before it is shrunk: 297 − 12 − 16 mm, as BookletPdfRenderer's FitScript measures it.</summary>
    private static readonly double Available = PdfPageBuilder.Mm(297 - 12 - 16);

    private static readonly double ContentWidth = PdfPageBuilder.Mm(190);
    private static readonly PdfColor PageNumberColor = PdfColor.Hex("#555555");
    private static readonly PdfColor ContentsRule = PdfColor.Hex("#555555");
    private static readonly PdfColor HeaderFill = PdfColor.Hex("#e8edf3");

    private readonly TextSetter _setter = new(fonts);

    public FontFamily Fonts { get; } = fonts;

    /// <summary>
    /// Every page of <paramref name="booklet"/> in print order: the cover and the 目次 (not for a single plan), then one
    /// page a sheet. (The renderer may build the pages itself to reuse those of unchanged sheets.)
    /// </summary>
    public IReadOnlyList<PdfPage> Pages(BookletDocument booklet)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var pages = booklet.IsSinglePlan ? [] : Front(booklet).ToList();
        foreach (var field in booklet.Fields)
        {
            for (var i = 0; i < field.Sheets.Count; i++)
            {
                pages.Add(Sheet(booklet, field, field.Sheets[i], i == 0));
            }
        }

        return pages;
    }

    public PdfPage Cover(BookletDocument booklet)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var page = new PdfPageBuilder(Fonts);
        var d = new DrawingList();
        PageNumber(d, BookletLayout.CoverPage);

        // A column of centred paragraphs, centred in a 265 mm box (line-height: normal, no margin collapsing in flex).
        var face = Fonts.Regular;
        var normal = face.Ascent + face.Descent + face.LineGap;
        (string Text, TextWeight Weight, double Size, double Spacing, double MarginBelow, string Role)[] items =
        [
            (booklet.OutlineTitle, TextWeight.Regular, 22, 0.1, 8, "P"),
            (booklet.EditionTitle, TextWeight.Bold, 28, 0, 12, "H1"),
            ($"<{booklet.PeriodLabel}>", TextWeight.Regular, 14, 0, 40, "P"),
            (booklet.IssuedLabel, TextWeight.Regular, 14, 0, 6, "P"),
            ("本庄市", TextWeight.Regular, 16, 0, 0, "P"),
        ];
        // A title too long for the line wraps, centred line by line (only the spaced outline title is kept on one line).
        var lines = items.Select(i => i.Spacing > 0
            ? [i.Text]
            : _setter.Lines(i.Text, new TextStyle(i.Weight, i.Size, i.Size * normal, PdfColor.Black), ContentWidth)).ToList();
        var total = items.Select((item, i) => (lines[i].Count * item.Size * normal) + PdfPageBuilder.Mm(item.MarginBelow)).Sum();
        var y = Top + ((PdfPageBuilder.Mm(265) - total) / 2);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var style = new TextStyle(item.Weight, item.Size, item.Size * normal, PdfColor.Black);
            var spacing = item.Spacing * item.Size;
            var owner = page.Root.Add(item.Role);
            foreach (var line in lines[i])
            {
                var width = spacing > 0 ? _setter.SpacedWidth(line, style, spacing) : _setter.Width(line, style);
                _setter.Spaced(d, owner, line, style, Left + ((ContentWidth - width) / 2), _setter.Baseline(y, style), spacing);
                y += style.LineHeight;
            }

            y += PdfPageBuilder.Mm(item.MarginBelow);
        }

        d.DrawOn(page, 0, 0);
        return page.Build();
    }

    /// <summary>The cover and every 目次 page, the 目次 cut once (<see cref="BookletDocument.Contents"/> paginates on each call).</summary>
    public IReadOnlyList<PdfPage> Front(BookletDocument booklet)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        return [Cover(booklet), .. booklet.Contents.Pages.Select(page => ContentsPage(booklet, page))];
    }

    /// <summary>The <paramref name="index"/>-th 目次 page (0-based).</summary>
    public PdfPage ContentsPage(BookletDocument booklet, int index)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        return ContentsPage(booklet, booklet.Contents.Pages[index]);
    }

    private PdfPage ContentsPage(BookletDocument booklet, Domain.Booklets.ContentsPage contents)
    {
        var fields = booklet.Fields.ToDictionary(f => f.Number);
        var page = new PdfPageBuilder(Fonts);
        var d = new DrawingList();
        PageNumber(d, contents.Page);

        var y = Top;
        var marginAbove = 0.0;
        if (contents.HasTitle)
        {
            // 16 pt bold, letter-spacing .5em, centred with the spacing after the last character counted.
            var title = TextStyle.Of(TextWeight.Bold, 16, 1.4, PdfColor.Black);
            var spacing = 0.5 * title.Size;
            var width = _setter.SpacedWidth("目次", title, spacing);
            _setter.Spaced(d, page.Root.Add("H1"), "目次", title, Left + ((ContentWidth - width) / 2), _setter.Baseline(y, title), spacing);
            y += title.LineHeight;
            marginAbove = PdfPageBuilder.Mm(5);
        }

        var blockIndex = 0;
        foreach (var block in contents.Blocks)
        {
            var field = fields[block.FieldNumber];
            y += Math.Max(marginAbove, PdfPageBuilder.Mm(4));
            y = ContentsHeading(d, page.Root, field, block.Continued, y);
            y += PdfPageBuilder.Mm(1.5);
            y = ContentsTable(d, page.Root, field.Sheets.Skip(block.Start).Take(block.Count).ToList(), y, $"c{contents.Page}-{++blockIndex}");
            marginAbove = 0;
        }

        d.DrawOn(page, 0, 0);
        return page.Build();
    }

    /// <summary>A sheet's page; <paramref name="firstOfField"/> adds the field's heading and bookmark.</summary>
    public PdfPage Sheet(BookletDocument booklet, BookletField field, BookletSheet sheet, bool firstOfField)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(sheet);
        var page = new PdfPageBuilder(Fonts);
        var d = new DrawingList();
        PageNumber(d, sheet.Page);

        // The headings are laid out first (they are painted first), the sheet under them in the structure.
        var withField = firstOfField && !booklet.IsSinglePlan;
        var h1 = withField ? page.Root.Add("H1") : null;
        var h2 = page.Root.Add("H2");
        var body = new SheetLayout(_setter).Lay(sheet, booklet.SheetHeading, booklet.Theme, page.Root);
        var zoom = body.Height > Available ? Math.Floor(Available / body.Height * 1000) / 1000 : 1;

        // .outline-headings: absolute at the foot of the (zoomed) sheet, 1 mm in, 1 pt white, one line each.
        var heading = TextStyle.Of(TextWeight.Regular, 1, 1.2, PdfColor.White);
        var bottom = Top + (body.Height * zoom);
        var headingTop = bottom - ((withField ? 2 : 1) * heading.LineHeight);
        if (h1 is not null)
        {
            _setter.Draw(d, h1, Left + PdfPageBuilder.Mm(1), _setter.Baseline(headingTop, heading), field.Heading, heading);
            page.Bookmark(field.Heading, 1, Top);
            headingTop += heading.LineHeight;
        }

        var name = $"{sheet.Number} {sheet.Name}";
        _setter.Draw(d, h2, Left + PdfPageBuilder.Mm(1), _setter.Baseline(headingTop, heading), name, heading);
        page.Bookmark(name, 2, Top);

        d.DrawOn(page, 0, 0);
        body.Drawing.DrawOn(page, Left, Top, zoom);
        return page.Build();
    }

    /// <summary>The page number, 8 pt #555, centred in the bottom margin (@bottom-center): an artifact.</summary>
    private void PageNumber(DrawingList d, int number)
    {
        var style = TextStyle.Of(TextWeight.Regular, 8, 1, PageNumberColor);
        var text = number.ToString(CultureInfo.InvariantCulture);
        var face = Fonts.Regular;
        var middle = PdfPageBuilder.A4Height - (BottomMargin / 2);
        var baseline = middle + ((face.Ascent - face.Descent) / 2 * style.Size);
        _setter.Draw(d, null, (PdfPageBuilder.A4Width - _setter.Width(text, style)) / 2, baseline, text, style);
    }

    /// <summary>.contents__field: the field's heading on the left, its page on the right, a 1.5 px rule under them.</summary>
    private double ContentsHeading(DrawingList d, StructureNode root, BookletField field, bool continued, double top)
    {
        var style = TextStyle.Of(TextWeight.Bold, 11, 1.4, PdfColor.Black);
        var heading = root.Add("H2");
        var page = continued ? null : field.Page.ToString(CultureInfo.InvariantCulture);
        var pageWidth = page is null ? 0 : _setter.Width(page, style);
        var text = continued ? field.ContinuedHeading : field.Heading;
        var height = _setter.Paragraph(d, heading, text, style, Left, top, ContentWidth - (page is null ? 0 : pageWidth + PdfPageBuilder.Mm(4)));
        if (page is not null)
        {
            _setter.Draw(d, heading, Left + ContentWidth - pageWidth, _setter.Baseline(top, style), page, style);
        }

        var rule = 1.5 * 0.75;
        d.Line(Left, top + height + (rule / 2), Left + ContentWidth, top + height + (rule / 2), rule, PdfColor.Black);
        return top + height + rule;
    }

    /// <summary>table.contents: 番号 | 計画名 | 実行課 | 開始 | 終了 | 頁, fixed widths, a header row, one row a plan.</summary>
    private double ContentsTable(DrawingList page, StructureNode root, IReadOnlyList<BookletSheet> sheets, double top, string idPrefix)
    {
        var table = new GridTable(
            ContentWidth,
            [PdfPageBuilder.Mm(10), double.NaN, PdfPageBuilder.Mm(38), PdfPageBuilder.Mm(10), PdfPageBuilder.Mm(10), PdfPageBuilder.Mm(11)],
            PdfPageBuilder.Mm(1.5), PdfPageBuilder.Mm(0.9), 0.75, ContentsRule);
        var body = TextStyle.Of(TextWeight.Regular, 8.5, 1.3, PdfColor.Black);
        var header = body with { Weight = TextWeight.Bold };
        TextAlign[] aligns = [TextAlign.Center, TextAlign.Left, TextAlign.Left, TextAlign.Center, TextAlign.Center, TextAlign.Center];
        string[] labels = ["番号", "計画名", "実行課", "開始", "終了", "頁"];

        var d = new DrawingList();
        var node = root.Add("Table");
        var headRow = node.Add("THead").Add("TR");
        var ids = new string[labels.Length];
        var cells = new List<TableCell>();
        for (var c = 0; c < labels.Length; c++)
        {
            ids[c] = $"{idPrefix}-{c + 1}";
            var th = headRow.Add(new StructureNode("TH") { Id = ids[c], Scope = "Column" });
            var cell = new TableCell(c) { Background = HeaderFill };
            cell.Height = _setter.Paragraph(cell.Content, th, labels[c], header, 0, 0, table.ContentWidth(c), aligns[c]);
            cells.Add(cell);
        }

        var grid = table.Row(d, table.FirstGridLine(top), cells, true);
        var tbody = node.Add("TBody");
        foreach (var s in sheets)
        {
            var row = tbody.Add("TR");
            string[] values =
            [
                s.Number.Number.ToString(CultureInfo.InvariantCulture), s.Name, s.ExecutingDepartmentsText, s.StartYear.ToString(),
                s.EndYear?.ToString() ?? string.Empty, s.Page.ToString(CultureInfo.InvariantCulture),
            ];
            cells = [];
            for (var c = 0; c < values.Length; c++)
            {
                var td = row.Add(new StructureNode("TD") { Headers = [ids[c]] });
                var cell = new TableCell(c);
                cell.Height = aligns[c] == TextAlign.Center
                    ? Nowrap(cell.Content, td, values[c], body, table.ContentWidth(c))
                    : _setter.Paragraph(cell.Content, td, values[c], body, 0, 0, table.ContentWidth(c));
                cells.Add(cell);
            }

            grid = table.Row(d, grid, cells, false);
        }

        page.Append(d, Left, 0);
        return table.Bottom(grid);
    }

    /// <summary>A centred white-space: nowrap cell (番号, 開始, 終了, 頁): one line, centred even when wider than the cell.</summary>
    private double Nowrap(DrawingList d, StructureNode owner, string text, TextStyle style, double width)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        _setter.Draw(d, owner, (width - _setter.Width(text, style)) / 2, _setter.Baseline(0, style), text, style);
        return style.LineHeight;
    }

    private static double Px(double points) => Math.Round(points / 0.75) * 0.75;
}
