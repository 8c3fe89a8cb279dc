using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Pdf;

/// <summary>The bundled Noto Sans JP cut down to a few characters (ADR 0033), read back glyph by glyph.</summary>
public sealed class TrueTypeSubsetterTests
{
    private static readonly string Fonts = Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Infrastructure", "Pdf", "Fonts");

    private static readonly Lazy<byte[]> Regular = new(() => File.ReadAllBytes(Path.Combine(Fonts, "NotoSansJP-Regular.ttf")));

    private static readonly Lazy<TrueTypeSubsetter> Subsetter = new(() => TrueTypeSubsetter.Load(Regular.Value));

    private static int[] CodePoints(string text) => [.. text.EnumerateRunes().Select(r => r.Value)];

    [Fact]
    public void The_characters_keep_their_glyph_ids_and_outlines_and_other_glyphs_are_empty()
    {
        var subsetter = Subsetter.Value;
        var subset = subsetter.Subset(CodePoints("本庄市A1"));
        var reread = TrueTypeSubsetter.Load(subset);

        Assert.Equal(subsetter.GlyphCount, reread.GlyphCount);
        foreach (var c in CodePoints("本庄市A1"))
        {
            var gid = subsetter.GlyphOf(c);
            Assert.NotEqual(0, gid);
            Assert.Equal(gid, reread.GlyphOf(c));
            Assert.Equal(subsetter.Glyph(gid).ToArray(), TrueTypeSubsetter.GlyphOf(subset, gid));
        }

        // A character of the font the text does not use: drawn in the whole font, empty in the subset.
        var unused = subsetter.GlyphOf('鬱');
        Assert.NotEmpty(subsetter.Glyph(unused).ToArray());
        Assert.Empty(TrueTypeSubsetter.GlyphOf(subset, unused));
        Assert.NotEmpty(TrueTypeSubsetter.GlyphOf(subset, 0));
        Assert.True(subset.Length < Regular.Value.Length / 4, $"{subset.Length} bytes");
    }

    [Fact]
    public void A_glyph_GSUB_can_put_in_a_characters_place_is_kept()
    {
        var subsetter = Subsetter.Value;

        // The vertical form of 「 (the vert feature) is the glyph the cmap gives ﹁ (U+FE41): kept though ﹁ is not in the text.
        var vertical = subsetter.GlyphOf(0xFE41);
        Assert.NotEqual(0, vertical);
        Assert.NotEqual(subsetter.GlyphOf('「'), vertical);
        var needed = subsetter.NeededGlyphs(CodePoints("「"));
        Assert.Contains(vertical, needed);
        Assert.DoesNotContain(vertical, subsetter.NeededGlyphs(CodePoints("」")));

        var subset = subsetter.Subset(CodePoints("「"));
        Assert.Equal(subsetter.Glyph(vertical).ToArray(), TrueTypeSubsetter.GlyphOf(subset, vertical));
    }

    [Fact]
    public void A_composite_glyphs_components_are_kept()
    {
        // Noto Sans JP has no composite glyphs: Å is made one here, of A and °, in a copy of the font.
        var whole = Subsetter.Value;
        var (aRing, a, degree) = (whole.GlyphOf('Å'), whole.GlyphOf('A'), whole.GlyphOf('°'));
        var font = WithGlyph(Regular.Value, aRing, Composite(whole.Glyph(aRing)[..10], a, degree));
        var subsetter = TrueTypeSubsetter.Load(font);
        Assert.Equal([a, degree], TrueTypeSubsetter.Components(subsetter.Glyph(aRing)));

        var subset = subsetter.Subset(CodePoints("Å"));

        Assert.Equal(subsetter.Glyph(aRing).ToArray(), TrueTypeSubsetter.GlyphOf(subset, aRing));
        Assert.Equal(whole.Glyph(a).ToArray(), TrueTypeSubsetter.GlyphOf(subset, a));
        Assert.Equal(whole.Glyph(degree).ToArray(), TrueTypeSubsetter.GlyphOf(subset, degree));
        Assert.NotEmpty(TrueTypeSubsetter.GlyphOf(subset, degree));
        Assert.Empty(TrueTypeSubsetter.GlyphOf(subset, whole.GlyphOf('B')));
    }

    /// <summary>A composite glyph: <paramref name="header"/>'s bounding box, contours -1, the components at offset 0 (word arguments).</summary>
    private static byte[] Composite(ReadOnlySpan<byte> header, params int[] components)
    {
        var glyph = new List<byte>(header.ToArray()) { [0] = 0xFF, [1] = 0xFF };
        for (var i = 0; i < components.Length; i++)
        {
            var flags = 0x1 | 0x2 | (i < components.Length - 1 ? 0x20 : 0);
            glyph.AddRange([(byte)(flags >> 8), (byte)flags, (byte)(components[i] >> 8), (byte)components[i], 0, 0, 0, 0]);
        }

        return [.. glyph];
    }

    /// <summary>A copy of <paramref name="font"/> with glyph <paramref name="gid"/> replaced (long loca offsets).</summary>
    private static byte[] WithGlyph(byte[] font, int gid, byte[] glyph)
    {
        var tables = TrueTypeTables.Read(font);
        var count = TrueTypeTables.GlyphCount(tables);
        var glyf = new MemoryStream();
        var loca = new byte[(count + 1) * 4];
        for (var g = 0; g < count; g++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(g * 4), (uint)glyf.Length);
            glyf.Write(g == gid ? glyph : TrueTypeSubsetter.GlyphOf(font, g));
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(count * 4), (uint)glyf.Length);
        var all = new SortedDictionary<string, byte[]>(tables.ToDictionary(t => t.Key, t => t.Value.ToArray()), StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["loca"] = loca,
        };
        return TrueTypeTables.Write(all);
    }

    [Fact]
    public void The_subset_is_a_well_formed_font_file()
    {
        var subset = Subsetter.Value.Subset(CodePoints("行政改革"));

        // The whole file sums to 0xB1B0AFBA (head's checkSumAdjustment), every table to its directory checksum.
        Assert.Equal(0xB1B0AFBAu, TrueTypeTables.Checksum(subset));
        var tables = TrueTypeTables.Read(subset);
        Assert.Equal(TrueTypeTables.Read(Regular.Value).Keys.Where(t => t != "DSIG").Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));
        foreach (var tag in new[] { "cmap", "hmtx", "GSUB", "GPOS", "OS/2", "name" })
        {
            Assert.Equal(TrueTypeTables.Read(Regular.Value)[tag].ToArray(), tables[tag].ToArray());
        }
    }

    [Fact]
    public void The_characters_of_a_document_are_its_text_and_what_the_layout_adds()
    {
        var characters = PdfFontSubsets.CharactersOf(["<p>本庄</p>", "𠮷"]);

        Assert.Contains('本', characters);
        Assert.Contains('庄', characters);
        Assert.Contains(0x20BB7, characters);
        Assert.Contains('9', characters);
        Assert.Contains('…', characters);
        Assert.DoesNotContain('市', characters);
        Assert.Equal(characters.Order(), characters);
        Assert.Equal(characters.Distinct().Count(), characters.Length);
    }
}
