using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;
using Honjo.GyoseiKaikaku.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Pdf.Native;

/// <summary>Pages drawn with the native writer (ADR 0036), written into PDFs and read back with PdfPig.</summary>
public sealed partial class TaggedPdfWriterTests
{
    private static readonly PdfColor Ink = PdfColor.Hex("#1a2b3c");

    private static FontFamily Fonts => NativeFonts.Family;

    private static PdfPage Page(string text, TextWeight weight = TextWeight.Regular, double size = 10)
    {
        var builder = new PdfPageBuilder(Fonts);
        builder.Text(builder.Root.Add("P"), 50, 100, text, weight, size, Ink);
        return builder.Build();
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static DictionaryToken Dictionary(PdfDocument pdf, IToken token) => (DictionaryToken)Resolve(pdf, token);

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));

    [Fact]
    public void Each_pages_text_reads_back_in_the_order_it_was_drawn_and_copies_as_japanese()
    {
        var first = new PdfPageBuilder(Fonts);
        var heading = first.Root.Add("H1");
        var body = first.Root.Add("P");
        // Drawn bottom line first: the reading order is the drawing order, not the position on the page.
        first.Text(body, 40, 300, "令和6年度 実施計画シート", TextWeight.Regular, 9, Ink);
        first.Text(heading, 40, 80, "本庄市行政改革大綱", TextWeight.Bold, 18, PdfColor.Black);
        var second = Page("ペーパーレス「一歩先へ！！」（市民課）");

        var pdf = TaggedPdfWriter.Write([first.Build(), second], Fonts, "表題");
        using var document = PdfDocument.Open(pdf);

        Assert.Equal(2, document.NumberOfPages);
        Assert.Equal("令和6年度 実施計画シート本庄市行政改革大綱", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)));
        Assert.Equal("ペーパーレス「一歩先へ！！」（市民課）", string.Concat(document.GetPage(2).Letters.Select(l => l.Value)));
        Assert.Equal(PdfPageBuilder.A4Width, document.GetPage(1).Width, 2);
        Assert.Equal(PdfPageBuilder.A4Height, document.GetPage(1).Height, 2);
    }

    [Fact]
    public void Letters_stand_where_drawn_and_advance_by_the_fonts_widths()
    {
        const string text = "A1本庄市、iW（）";
        const double size = 12;
        var pdf = TaggedPdfWriter.Write([Page(text, TextWeight.Bold, size)], Fonts, "幅");
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;

        Assert.Equal(text.Length, letters.Count);
        Assert.Equal(50, letters[0].StartBaseLine.X, 2);
        Assert.Equal(PdfPageBuilder.A4Height - 100, letters[0].StartBaseLine.Y, 2);
        for (var i = 0; i < text.Length; i++)
        {
            Assert.Equal(Fonts.Bold.Advance(text[i]) * size, letters[i].EndBaseLine.X - letters[i].StartBaseLine.X, 2);
            Assert.Equal(size, letters[i].PointSize, 2);
        }

        Assert.Equal(50 + Fonts.Bold.Width(text, size), letters[^1].EndBaseLine.X, 2);
        Assert.NotEqual(Fonts.Bold.Advance('i'), Fonts.Bold.Advance('W'));
    }

    [Fact]
    public void Shifts_move_the_pen_before_the_characters_they_name()
    {
        // Kerning closes "AV" by 0.05 em; trimmed punctuation pulls 「 back by half an em; a zero-width space
        // between keeps its index (the shift before it applies to the next glyph drawn).
        const string text = "AV\u200B「本」";
        const double size = 10;
        var builder = new PdfPageBuilder(Fonts);
        builder.Text(builder.Root.Add("P"), 50, 100, text, TextWeight.Regular, size, Ink, [(1, -0.05), (2, -0.25), (3, -0.25)]);

        using var document = PdfDocument.Open(TaggedPdfWriter.Write([builder.Build()], Fonts, "詰め"));
        var letters = document.GetPage(1).Letters;

        Assert.Equal("AV「本」", string.Concat(letters.Select(l => l.Value)));
        Assert.Equal(letters[0].EndBaseLine.X - (0.05 * size), letters[1].StartBaseLine.X, 2);
        Assert.Equal(letters[1].EndBaseLine.X - (0.5 * size), letters[2].StartBaseLine.X, 2);
        Assert.Equal(letters[2].EndBaseLine.X, letters[3].StartBaseLine.X, 2);
        Assert.Equal(50 + Fonts.Regular.Width("AV「本」", size) - (0.55 * size), letters[^1].EndBaseLine.X, 2);
    }

    [Fact]
    public void A_position_that_is_not_a_number_is_refused_rather_than_written()
    {
        var builder = new PdfPageBuilder(Fonts);

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Text(builder.Root.Add("P"), double.NaN, 20, "本", TextWeight.Regular, 9, Ink));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Line(0, 0, double.PositiveInfinity, 0, 1, Ink));
    }

    [Fact]
    public void Zero_width_and_format_characters_draw_nothing()
    {
        var builder = new PdfPageBuilder(Fonts);
        var p = builder.Root.Add("P");
        builder.Text(p, 10, 20, "行政\u200B改革\u2060推進\uFEFF", TextWeight.Regular, 9, Ink);
        builder.Text(p, 10, 40, "\u200B", TextWeight.Regular, 9, Ink);

        using var document = PdfDocument.Open(TaggedPdfWriter.Write([builder.Build()], Fonts, "幅なし"));

        Assert.Equal("行政改革推進", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)));
        var letters = document.GetPage(1).Letters;
        Assert.Equal(letters[1].EndBaseLine.X, letters[2].StartBaseLine.X, 3);
    }

    [Fact]
    public void A_glyph_shared_by_a_radical_and_its_ideograph_copies_as_the_ideograph()
    {
        // Noto draws the radical ⾏ (U+2F8F) and the ideograph 行 with one glyph: the ToUnicode CMap can give only
        // one character for it, and it must be the ideograph, also when only the radical is drawn.
        Assert.Equal(Fonts.Regular.GlyphOf('行'), Fonts.Regular.GlyphOf('\u2F8F'));
        var builder = new PdfPageBuilder(Fonts);
        builder.Text(builder.Root.Add("P"), 10, 20, "\u2F8F", TextWeight.Regular, 9, Ink);
        builder.Text(builder.Root.Add("P"), 10, 40, "行政", TextWeight.Regular, 9, Ink);

        using var document = PdfDocument.Open(TaggedPdfWriter.Write([builder.Build(), Page("\u2F8F政")], Fonts, "部首"));
        using var radicalOnly = PdfDocument.Open(TaggedPdfWriter.Write([Page("\u2F8F政改\u2FB0")], Fonts, "部首だけ"));

        Assert.Equal("行行政", document.GetPage(1).Text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("行政", document.GetPage(2).Text);
        Assert.Equal("行政改革", radicalOnly.GetPage(1).Text);
    }

    [Fact]
    public void Each_weight_is_one_embedded_type0_font_for_the_whole_document()
    {
        var pages = Enumerable.Range(1, 4).Select(i =>
        {
            var builder = new PdfPageBuilder(Fonts);
            var p = builder.Root.Add("P");
            builder.Text(p, 40, 60, $"改革分野{i}", TextWeight.Bold, 12, Ink);
            builder.Text(p, 40, 80, $"ページ{i}の本文", TextWeight.Regular, 9, Ink);
            return builder.Build();
        }).ToList();

        var pdf = TaggedPdfWriter.Write(pages, Fonts, "フォント");
        using var document = PdfDocument.Open(pdf);

        var fonts = new Dictionary<IndirectReference, DictionaryToken>();
        foreach (var page in document.GetPages())
        {
            var resources = Dictionary(document, page.Dictionary.Data[NameToken.Resources.Data]);
            foreach (var font in Dictionary(document, resources.Data[NameToken.Font.Data]).Data.Values.OfType<IndirectReferenceToken>())
            {
                fonts[font.Data] = Dictionary(document, font);
            }
        }

        Assert.Equal(2, fonts.Count);
        var names = new List<string>();
        foreach (var font in fonts.Values)
        {
            Assert.Equal(NameToken.Type0, font.Data[NameToken.Subtype.Data]);
            Assert.Equal(NameToken.IdentityH, font.Data[NameToken.Encoding.Data]);
            Assert.True(font.Data.ContainsKey(NameToken.ToUnicode.Data));
            var descendant = Dictionary(document, ((ArrayToken)Resolve(document, font.Data[NameToken.DescendantFonts.Data])).Data.Single());
            Assert.Equal(NameToken.CidFontType2, descendant.Data[NameToken.Subtype.Data]);
            Assert.Equal(NameToken.Identity, descendant.Data[NameToken.CidToGidMap.Data]);
            Assert.True(descendant.Data.ContainsKey(NameToken.W.Data));
            var descriptor = Dictionary(document, descendant.Data[NameToken.FontDescriptor.Data]);
            var file = (StreamToken)Resolve(document, descriptor.Data[NameToken.FontFile2.Data]);
            Assert.True(file.Data.Length > 1000);
            names.Add(((NameToken)font.Data[NameToken.BaseFont.Data]).Data);
        }

        Assert.Contains(names, n => SubsetName().IsMatch(n) && n.EndsWith("+NotoSansJP-Regular", StringComparison.Ordinal));
        Assert.Contains(names, n => SubsetName().IsMatch(n) && n.EndsWith("+NotoSansJP-Bold", StringComparison.Ordinal));
        Assert.Equal("改革分野3ページ3の本文", string.Concat(document.GetPage(3).Letters.Select(l => l.Value)));
        Assert.Contains(document.GetPage(3).Letters, l => l.Value == "改" && l.FontName!.EndsWith("NotoSansJP-Bold", StringComparison.Ordinal));

        // Subsets: far smaller than the faces (5 MB each).
        Assert.InRange(pdf.Length, 1000, 200_000);
    }

    [Fact]
    public void The_embedded_subset_holds_the_outlines_of_the_glyphs_drawn_and_no_others()
    {
        const string drawn = "本庄市行政改革A";
        var pdf = TaggedPdfWriter.Write([Page(drawn)], Fonts, "字形");
        using var document = PdfDocument.Open(pdf);
        var resources = Dictionary(document, document.GetPage(1).Dictionary.Data[NameToken.Resources.Data]);
        var type0 = Dictionary(document, Dictionary(document, resources.Data[NameToken.Font.Data]).Data.Values.Single());
        var cid = Dictionary(document, ((ArrayToken)Resolve(document, type0.Data[NameToken.DescendantFonts.Data])).Data.Single());
        var file = (StreamToken)Resolve(document, Dictionary(document, cid.Data[NameToken.FontDescriptor.Data]).Data[NameToken.FontFile2.Data]);
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(file.Data.ToArray()), System.IO.Compression.CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var font = inflated.ToArray();
        Assert.Equal(font.Length, ((NumericToken)file.StreamDictionary.Data["Length1"]).Int);
        foreach (var c in drawn)
        {
            var gid = Fonts.Regular.GlyphOf(c);
            Assert.Equal(Fonts.Regular.Subsetter.Glyph(gid).ToArray(), Infrastructure.Pdf.TrueTypeSubsetter.GlyphOf(font, gid));
        }

        Assert.Empty(Infrastructure.Pdf.TrueTypeSubsetter.GlyphOf(font, Fonts.Regular.GlyphOf('鬱')));
        Assert.True(font.Length < Fonts.Regular.Program.Length / 10, $"{font.Length} bytes");
    }

    [Fact]
    public void A_document_names_its_title_language_and_is_marked_as_tagged()
    {
        var pdf = TaggedPdfWriter.Write([Page("本文")], Fonts, "本庄市行政改革大綱 令和6年度 実施計画シート(案)");
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;

        Assert.Equal("本庄市行政改革大綱 令和6年度 実施計画シート(案)", document.Information.Title);
        Assert.Equal(TaggedPdfWriter.Producer, document.Information.Producer);
        Assert.Equal(BooleanToken.True, Dictionary(document, catalog.Data[NameToken.MarkInfo.Data]).Data[NameToken.Marked.Data]);
        Assert.Equal("ja-JP", ((StringToken)catalog.Data[NameToken.Lang.Data]).Data);
        Assert.Equal(BooleanToken.True, Dictionary(document, catalog.Data["ViewerPreferences"]).Data["DisplayDocTitle"]);
        Assert.Equal("S", ((NameToken)document.GetPage(1).Dictionary.Data["Tabs"]).Data);
    }

    [Fact]
    public void The_structure_tree_gives_each_element_its_text_ids_and_headers()
    {
        var builder = new PdfPageBuilder(Fonts);
        var heading = builder.Root.Add("H2");
        var table = builder.Root.Add("Table");
        var row = table.Add("TR");
        var header = row.Add(new StructureNode("TH") { Id = "s1-9-target", Scope = "Row" });
        var year = row.Add(new StructureNode("TH") { Id = "s1-9-r6", Scope = "Column" });
        var cell = row.Add(new StructureNode("TD") { Headers = ["s1-9-target", "s1-9-r6"], ColSpan = 2 });
        builder.Fill(30, 100, 500, 20, PdfColor.Hex("#e8edf3"));
        builder.Text(heading, 30, 80, "1-9 コンビニ交付の普及推進", TextWeight.Bold, 12, Ink);
        builder.Line(30, 100, 530, 100, 0.5, PdfColor.Black);
        builder.Text(header, 32, 115, "各年度達成目標", TextWeight.Bold, 9, Ink);
        builder.Text(year, 132, 115, "R6", TextWeight.Bold, 9, Ink);
        // A cell of two lines is one element with both lines' content.
        builder.Text(cell, 232, 115, "交付率", TextWeight.Regular, 9, Ink);
        builder.Text(cell, 232, 127, "30%", TextWeight.Regular, 9, Ink);
        builder.Line(30, 130, 530, 130, 0.5, PdfColor.Black);
        var page = builder.Build();

        var pdf = TaggedPdfWriter.Write([Page("表紙"), page], Fonts, "構造");
        var tree = TaggedPdf.Read(pdf);

        Assert.Equal(
            ["Document", "Sect", "P", "Sect", "H2", "Table", "TR", "TH", "TH", "TD"],
            tree.Elements.Select(e => e.Type));
        Assert.Equal("1-9 コンビニ交付の普及推進", tree.Elements.Single(e => e.Type == "H2").Text);
        var th = tree.Elements.Where(e => e.Type == "TH").ToList();
        Assert.Equal(["s1-9-target", "s1-9-r6"], th.Select(e => e.Id));
        Assert.Equal(["各年度達成目標", "R6"], th.Select(e => e.Text));
        var td = tree.Elements.Single(e => e.Type == "TD");
        Assert.Equal("交付率30%", td.Text);
        Assert.Equal(["s1-9-target", "s1-9-r6"], td.Headers);
        Assert.All(tree.Elements.Skip(3), e => Assert.Equal(2, e.Page));
        Assert.Empty(tree.Unreadable);

        using var document = PdfDocument.Open(pdf);
        var root = Dictionary(document, document.Structure.Catalog.CatalogDictionary.Data[NameToken.StructTreeRoot.Data]);
        Assert.Equal(2, ((NumericToken)root.Data["ParentTreeNextKey"]).Int);
        var ids = ((ArrayToken)Resolve(document, Dictionary(document, root.Data["IDTree"]).Data["Names"])).Data;
        Assert.Equal(["s1-9-r6", "s1-9-target"], ids.Where((_, i) => i % 2 == 0).Select(t => ((StringToken)t).Data));
        var attributes = Dictionary(document, FindElement(document, root, "TD").Data["A"]);
        Assert.Equal("Table", ((NameToken)attributes.Data["O"]).Data);
        Assert.Equal(2, ((NumericToken)attributes.Data["ColSpan"]).Int);
        var scope = Dictionary(document, FindElement(document, root, "TH").Data["A"]);
        Assert.Equal("Row", ((NameToken)scope.Data["Scope"]).Data);

        // The parent tree leads from each MCID of page 2 back to its element.
        var nums = ((ArrayToken)Resolve(document, Dictionary(document, root.Data["ParentTree"]).Data["Nums"])).Data;
        Assert.Equal(1, ((NumericToken)nums[2]).Int);
        var owners = ((ArrayToken)Resolve(document, nums[3])).Data.Select(o => ((NameToken)Dictionary(document, o).Data["S"]).Data);
        // The cell's two lines follow each other: one marked content.
        Assert.Equal(["H2", "TH", "TH", "TD"], owners);
        Assert.Equal(1, ((NumericToken)document.GetPage(2).Dictionary.Data["StructParents"]).Int);

        // Rules and fills are artifacts, outside every element's marked content.
        var marked = document.GetPage(2).GetMarkedContents();
        Assert.Contains(marked, m => m.Tag == "Artifact");
        Assert.All(marked.Where(m => m.Tag == "Artifact"), m => Assert.Empty(m.Letters));
        Assert.Equal([0, 1, 2, 3], marked.Where(m => m.Tag != "Artifact").Select(m => m.MarkedContentIdentifier));
    }

    [Fact]
    public void An_elements_own_text_and_its_children_keep_the_order_they_were_drawn_in()
    {
        var builder = new PdfPageBuilder(Fonts);
        var list = builder.Root.Add("L");
        var item = list.Add("LI");
        var label = item.Add("Lbl");
        var body = item.Add("LBody");
        builder.Text(item, 10, 20, "前", TextWeight.Regular, 9, Ink);
        builder.Text(label, 20, 20, "・", TextWeight.Regular, 9, Ink);
        builder.Text(item, 30, 20, "間", TextWeight.Regular, 9, Ink);
        builder.Text(body, 40, 20, "本文", TextWeight.Regular, 9, Ink);
        builder.Text(item, 60, 20, "後", TextWeight.Regular, 9, Ink);

        var tree = TaggedPdf.Read(TaggedPdfWriter.Write([builder.Build()], Fonts, "順序"));

        Assert.Equal("前・間本文後", tree.Elements.Single(e => e.Type == "LI").Text);
        Assert.Equal("・", tree.Elements.Single(e => e.Type == "Lbl").Text);
        Assert.Equal("本文", tree.Elements.Single(e => e.Type == "LBody").Text);
    }

    [Fact]
    public void Text_of_an_element_never_added_to_the_page_still_belongs_to_the_page()
    {
        var builder = new PdfPageBuilder(Fonts);
        builder.Text(new StructureNode("P"), 10, 20, "迷子", TextWeight.Regular, 9, Ink);

        var tree = TaggedPdf.Read(TaggedPdfWriter.Write([builder.Build()], Fonts, "迷子"));

        Assert.Equal(["Document", "Sect", "P"], tree.Elements.Select(e => e.Type));
        Assert.Equal("迷子", tree.Elements[1].Text);
    }

    [Fact]
    public void Text_without_an_owner_is_an_artifact_read_in_drawing_order_but_not_tagged()
    {
        var builder = new PdfPageBuilder(Fonts);
        var row = builder.Root.Add("Table").Add("TR");
        var filled = row.Add("TD");
        row.Add("TD"); // a blank cell: an element with no content
        builder.Text(null, 290, 820, "- 12 -", TextWeight.Regular, 9, Ink);
        builder.Text(filled, 10, 20, "記入あり", TextWeight.Regular, 9, Ink);

        var pdf = TaggedPdfWriter.Write([builder.Build()], Fonts, "ページ番号");
        using var document = PdfDocument.Open(pdf);
        var tree = TaggedPdf.Read(pdf);

        Assert.Equal("-12-記入あり", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(["Document", "Sect", "Table", "TR", "TD", "TD"], tree.Elements.Select(e => e.Type));
        Assert.Equal(["記入あり", ""], tree.Elements.Where(e => e.Type == "TD").Select(e => e.Text));
        Assert.Equal("記入あり", tree.Elements[1].Text);
        var artifact = Assert.Single(document.GetPage(1).GetMarkedContents(), m => m.Tag == "Artifact");
        Assert.Equal("-12-", string.Concat(artifact.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Bookmarks_nest_sheets_under_the_field_before_them_and_lead_to_their_pages()
    {
        PdfPage Marked(params (string Title, int Level)[] marks)
        {
            var builder = new PdfPageBuilder(Fonts);
            builder.Text(builder.Root.Add("P"), 10, 20, "頁", TextWeight.Regular, 9, Ink);
            foreach (var (title, level) in marks)
            {
                builder.Bookmark(title, level, 120);
            }

            return builder.Build();
        }

        var pages = new[]
        {
            Marked(),
            Marked(("改革分野1. 行政サービス改革", 1), ("1-1 窓口の改善", 2)),
            Marked(("1-2 コンビニ交付", 2)),
            Marked(("改革分野2. 財政改革", 1), ("2-1 歳入の確保", 2)),
        };

        var pdf = TaggedPdfWriter.Write(pages, Fonts, "しおり");
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["改革分野1. 行政サービス改革", "改革分野2. 財政改革"], bookmarks.Roots.Select(b => b.Title));
        Assert.Equal(["1-1 窓口の改善", "1-2 コンビニ交付"], bookmarks.Roots[0].Children.Select(b => b.Title));
        Assert.Equal(["2-1 歳入の確保"], bookmarks.Roots[1].Children.Select(b => b.Title));
        var pagesOf = Flatten(bookmarks.Roots).OfType<DocumentBookmarkNode>().ToDictionary(b => b.Title, b => b.PageNumber);
        Assert.Equal(2, pagesOf["改革分野1. 行政サービス改革"]);
        Assert.Equal(3, pagesOf["1-2 コンビニ交付"]);
        Assert.Equal(4, pagesOf["2-1 歳入の確保"]);
        var destination = Flatten(bookmarks.Roots).OfType<DocumentBookmarkNode>().First();
        Assert.Equal(PdfPageBuilder.A4Height - 120, destination.Destination.Coordinates.Top!.Value, 2);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.Equal("UseOutlines", ((NameToken)catalog.Data["PageMode"]).Data);

        // A single-plan PDF has only its sheet's bookmark: at the top.
        using var single = PdfDocument.Open(TaggedPdfWriter.Write([Marked(("1-2 コンビニ交付", 2))], Fonts, "一枚"));
        Assert.True(single.TryGetBookmarks(out var one));
        Assert.Equal("1-2 コンビニ交付", Assert.Single(one.Roots).Title);
    }

    [Fact]
    public void A_built_page_can_go_into_several_documents_at_any_position()
    {
        var shared = new PdfPageBuilder(Fonts);
        var heading = shared.Root.Add(new StructureNode("H2") { Id = "sheet-heading" });
        shared.Text(heading, 30, 60, "2-18 ペーパーレス", TextWeight.Bold, 12, Ink);
        shared.Bookmark("2-18 ペーパーレス", 2, 40);
        var page = shared.Build();

        // Drawing on after Build does not change the built page.
        shared.Text(heading, 30, 90, "追記", TextWeight.Regular, 9, Ink);

        var pdfs = new byte[2][];
        Parallel.For(0, 2, i => pdfs[i] = i == 0
            ? TaggedPdfWriter.Write([page], Fonts, "単独")
            : TaggedPdfWriter.Write([Page("表紙"), Page("目次"), page], Fonts, "冊子"));

        using var alone = PdfDocument.Open(pdfs[0]);
        using var booklet = PdfDocument.Open(pdfs[1]);
        Assert.Equal("2-18ペーパーレス", alone.GetPage(1).Text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("2-18ペーパーレス", booklet.GetPage(3).Text.Replace(" ", "", StringComparison.Ordinal));
        var tree = TaggedPdf.Read(pdfs[1]);
        var h2 = tree.Elements.Single(e => e.Type == "H2");
        Assert.Equal((3, "sheet-heading", "2-18 ペーパーレス"), (h2.Page, h2.Id, h2.Text));
        Assert.True(booklet.TryGetBookmarks(out var bookmarks));
        Assert.Equal(3, Assert.IsType<DocumentBookmarkNode>(Assert.Single(bookmarks.Roots)).PageNumber);
    }

    [Fact]
    public void A_page_written_at_one_place_then_another_then_the_first_again_keeps_its_structure_right()
    {
        var sheet = new PdfPageBuilder(Fonts);
        sheet.Text(sheet.Root.Add(new StructureNode("H2") { Id = "h-2-5" }), 30, 60, "2-5 変更", TextWeight.Bold, 12, Ink);
        var page = sheet.Build();
        var cover = Page("表紙");

        var second = TaggedPdfWriter.Write([cover, page], Fonts, "冊子");
        var first = TaggedPdfWriter.Write([page], Fonts, "一枚");
        var secondAgain = TaggedPdfWriter.Write([cover, page], Fonts, "冊子");

        Assert.Equal(second, secondAgain);
        var alone = TaggedPdf.Read(first).Elements.Single(e => e.Type == "H2");
        var inBooklet = TaggedPdf.Read(secondAgain).Elements.Single(e => e.Type == "H2");
        Assert.Equal((1, "2-5 変更", "h-2-5"), (alone.Page, alone.Text, alone.Id));
        Assert.Equal((2, "2-5 変更", "h-2-5"), (inBooklet.Page, inBooklet.Text, inBooklet.Id));
    }

    [Fact]
    public void Writing_the_same_pages_again_gives_the_same_file()
    {
        var pages = new[] { Page("本庄市"), Page("実施計画", TextWeight.Bold) };

        var first = TaggedPdfWriter.Write(pages, Fonts, "同じ");
        var again = TaggedPdfWriter.Write(pages, Fonts, "同じ");

        Assert.Equal(first, again);
        Assert.NotEqual(first, TaggedPdfWriter.Write(pages.Reverse().ToArray(), Fonts, "同じ"));
    }

    private static DictionaryToken FindElement(PdfDocument pdf, DictionaryToken node, string type)
    {
        var pending = new Stack<IToken>([node.Data["K"]]);
        while (pending.TryPop(out var token))
        {
            var resolved = Resolve(pdf, token);
            if (resolved is ArrayToken array)
            {
                foreach (var item in array.Data.Reverse())
                {
                    pending.Push(item);
                }
            }
            else if (resolved is DictionaryToken element && element.Data.TryGetValue("S", out var s))
            {
                if (((NameToken)s).Data == type)
                {
                    return element;
                }

                if (element.Data.TryGetValue("K", out var kids))
                {
                    pending.Push(kids);
                }
            }
        }

        throw new InvalidOperationException($"No {type} element.");
    }

    [GeneratedRegex("^[A-Z]{6}\\+")]
    private static partial Regex SubsetName();
}
