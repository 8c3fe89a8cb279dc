namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Booklets;

/// <summary>The advances and vertical metrics FontFace reads from Noto Sans JP's hmtx, cmap and hhea (ADR 0036).</summary>
public sealed class FontFaceTests
{
    [Theory]
    [InlineData('あ')]
    [InlineData('本')]
    [InlineData('。')]
    [InlineData('「')]
    [InlineData('ー')]
    [InlineData('１')]
    public void Japanese_characters_and_full_width_forms_are_one_em(char c)
    {
        Assert.Equal(1.0, NotoFonts.Regular.Advance(c), 6);
        Assert.Equal(1.0, NotoFonts.Bold.Advance(c), 6);
        Assert.NotEqual(0, NotoFonts.Regular.GlyphOf(c));
    }

    [Fact]
    public void Latin_is_proportional_and_digits_share_one_width()
    {
        var face = NotoFonts.Regular;
        Assert.True(face.Advance('i') < face.Advance('n'), $"i {face.Advance('i')} n {face.Advance('n')}");
        Assert.True(face.Advance('n') < face.Advance('M'), $"n {face.Advance('n')} M {face.Advance('M')}");
        Assert.True(face.Advance('M') < 1.0);
        Assert.All("0123456789", d => Assert.Equal(face.Advance('0'), face.Advance(d), 6));
        Assert.InRange(face.Advance(' '), 0.2, 0.3);

        // Bold glyphs are wider than regular ones in Latin, the same in Japanese.
        Assert.True(NotoFonts.Bold.Advance('n') > face.Advance('n'));
    }

    [Fact]
    public void Width_sums_the_advances_at_the_size_given()
    {
        var face = NotoFonts.Regular;
        Assert.Equal(0, face.Width(string.Empty, 9));
        Assert.Equal(27.0, face.Width("本庄市", 9), 6);
        Assert.Equal((face.Advance('R') + face.Advance('6') + 2) * 9, face.Width("R6年度", 9), 6);

        // A character outside the Basic Multilingual Plane (𠮷) is measured as one glyph, not as two halves.
        Assert.NotEqual(0, face.GlyphOf(0x20BB7));
        Assert.Equal(face.Advance(0x20BB7) * 9, face.Width("\U00020BB7", 9), 6);
    }

    [Fact]
    public void Vertical_metrics_are_those_of_noto_sans_jp()
    {
        var face = NotoFonts.Regular;
        Assert.Equal(1000, face.UnitsPerEm);
        Assert.Equal(1.16, face.Ascent, 3);
        Assert.Equal(0.288, face.Descent, 3);
        Assert.Equal(0, face.LineGap, 3);
        Assert.Equal(0, face.GlyphOf(0xE000)); // private use: .notdef
    }

    [Theory]
    [InlineData(0x200B)]
    [InlineData(0x2060)]
    [InlineData(0xFEFF)]
    [InlineData(0xFE00)]
    public void Zero_width_characters_take_no_room_even_where_the_font_has_no_glyph(int codePoint)
    {
        Assert.Equal(0, NotoFonts.Regular.Advance(codePoint));
        Assert.Equal(27.0, NotoFonts.Regular.Width("本\u200B庄\u2060市\uFEFF", 9), 6);
    }

    [Fact]
    public void Pair_kerning_is_read_from_the_fonts_gpos_kern_feature()
    {
        var face = NotoFonts.Regular;

        // AV and To are kerned closer; 本庄 is not kerned; Chromium measures AVAVAVAVAV 5.753 em (probed at 100 px).
        Assert.True(face.Kern('A', 'V') < 0);
        Assert.True(face.Kern('T', 'o') < 0);
        Assert.Equal(0, face.Kern('本', '庄'));
        Assert.Equal(5.753, face.KernedWidth("AVAVAVAVAV", 1), 3);
        Assert.Equal(face.Width("本庄市", 9), face.KernedWidth("本庄市", 9), 6);
    }
}
