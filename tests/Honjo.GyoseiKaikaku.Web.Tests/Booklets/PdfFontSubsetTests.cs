using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The real engine prints with Noto Sans JP cut down to the document's characters (ADR 0033): Chromium loads the
/// subset, lays the text out with it and embeds its glyphs, and the text reads back as written.
/// </summary>
public sealed partial class PdfFontSubsetTests
{
    private const string Html = """
        <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8" /><style>body { font-family: "Noto Sans JP", sans-serif; }</style></head>
        <body><p>本庄市の行政改革</p><p><b>実施計画シート</b></p></body></html>
        """;

    private static TrueTypeSubsetter Font(string name) =>
        TrueTypeSubsetter.Load(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", name)));

    [Fact]
    public async Task The_pdf_embeds_the_subsets_glyphs_and_reads_as_written()
    {
        await using var engine = new ChromiumPdfEngine(Options.Create(new PdfOptions()), NullLogger<ChromiumPdfEngine>.Instance);

        // The fonts are cut down to the texts named: 庄 and 画 are printed but left out of them on purpose.
        var pdf = await engine.RenderAsync(new PdfRequest(Html, Pack: false) { FontTexts = ["本市の行政改革", "実施計シート"] }, default);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal("本庄市の行政改革実施計画シート", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        var regular = Font("NotoSansJP-Regular.ttf");
        var bold = Font("NotoSansJP-Bold.ttf");
        var embeddedRegular = EmbeddedFont(pdf, "NotoSansJP-Regular");
        var embeddedBold = EmbeddedFont(pdf, "NotoSansJP-Bold");
        foreach (var c in "本市行政改革")
        {
            AssertSameGlyph(regular.Glyph(regular.GlyphOf(c)).ToArray(), TrueTypeSubsetter.GlyphOf(embeddedRegular, regular.GlyphOf(c)));
        }

        foreach (var c in "実施計")
        {
            AssertSameGlyph(bold.Glyph(bold.GlyphOf(c)).ToArray(), TrueTypeSubsetter.GlyphOf(embeddedBold, bold.GlyphOf(c)));
        }

        // Drawn from the subset, where they are empty: Chromium printed with the subset, not the whole font.
        Assert.Empty(TrueTypeSubsetter.GlyphOf(embeddedRegular, regular.GlyphOf('庄')));
        Assert.Empty(TrueTypeSubsetter.GlyphOf(embeddedBold, bold.GlyphOf('画')));
    }

    [Fact]
    public async Task By_default_the_fonts_cover_the_whole_html()
    {
        await using var engine = new ChromiumPdfEngine(Options.Create(new PdfOptions()), NullLogger<ChromiumPdfEngine>.Instance);

        var pdf = await engine.RenderAsync(new PdfRequest(Html, Pack: false), default);

        var regular = Font("NotoSansJP-Regular.ttf");
        var embedded = EmbeddedFont(pdf, "NotoSansJP-Regular");
        foreach (var c in "本庄市の行政改革")
        {
            AssertSameGlyph(regular.Glyph(regular.GlyphOf(c)).ToArray(), TrueTypeSubsetter.GlyphOf(embedded, regular.GlyphOf(c)));
        }
    }

    /// <summary>The same outline; Chromium's subsetter pads each glyph to 4 bytes.</summary>
    private static void AssertSameGlyph(byte[] expected, byte[] embedded)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected, embedded.Take(expected.Length));
        Assert.True(embedded.Length - expected.Length < 4 && embedded.Skip(expected.Length).All(b => b == 0));
    }

    /// <summary>The TrueType program (FontFile2) of the embedded font named <paramref name="face"/>, inflated.</summary>
    private static byte[] EmbeddedFont(byte[] pdf, string face)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var descriptor = FontDescriptor().Matches(text).FirstOrDefault(m => m.Groups["face"].Value == face);
        Assert.True(descriptor is not null, $"{face} is not embedded");
        var number = descriptor.Groups["program"].Value;
        var stream = new Regex(@"(?<![0-9])" + number + @" 0 obj\s*<<[^>]*?/Length (\d+)[^>]*>>\s*stream\r?\n").Match(text);
        Assert.True(stream.Success);
        var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
        using var input = new ZLibStream(new MemoryStream(pdf, stream.Index + stream.Length, length), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"/FontName\s*/[A-Z]{6}\+(?<face>[A-Za-z0-9-]+)[^>]*?/FontFile2 (?<program>\d+) 0 R")]
    private static partial Regex FontDescriptor();
}
