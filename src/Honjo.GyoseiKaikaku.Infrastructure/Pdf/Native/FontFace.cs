using System.Buffers.Binary;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// One TrueType face (Noto Sans JP Regular or Bold, from Pdf/Fonts) as the native booklet writer uses it (ADR 0036):
/// the glyph of a character and its advance, for measuring text, and the font program, for embedding a subset.
/// Lengths are in em (1.0 = the font size); multiply by the size in points.
/// </summary>
public sealed class FontFace
{
    private readonly ushort[] _advances;

    // The glyph of each character of the Basic Multilingual Plane, looked up once: measuring ~40,000 cells a booklet
    // asks for millions of them.
    private readonly ushort[] _bmpGlyphs = new ushort[0x10000];

    private FontFace(string postScriptName, byte[] program)
    {
        PostScriptName = postScriptName;
        Program = program;
        Subsetter = TrueTypeSubsetter.Load(program);
        var tables = TrueTypeTables.Read(program);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(tables["head"].Span[18..]);
        var hhea = tables["hhea"].Span;
        Ascent = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]) / (double)UnitsPerEm;
        Descent = -BinaryPrimitives.ReadInt16BigEndian(hhea[6..]) / (double)UnitsPerEm;
        LineGap = BinaryPrimitives.ReadInt16BigEndian(hhea[8..]) / (double)UnitsPerEm;
        int metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        var hmtx = tables["hmtx"].Span;
        _advances = new ushort[Subsetter.GlyphCount];
        for (var gid = 0; gid < _advances.Length; gid++)
        {
            // Glyphs past the last long metric share its advance (the monospaced tail of the table).
            _advances[gid] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(Math.Min(gid, metrics - 1) * 4)..]);
        }

        for (var c = 0; c < _bmpGlyphs.Length; c++)
        {
            _bmpGlyphs[c] = (ushort)Subsetter.GlyphOf(c);
        }

        Kerning = tables.TryGetValue("GPOS", out var gpos) ? PairKerning.Read(gpos.Span, _advances.Length) : PairKerning.None;
    }

    /// <summary>Reads a face; <paramref name="postScriptName"/> is what the PDF names it ("NotoSansJP-Regular").</summary>
    public static FontFace Load(byte[] program, string postScriptName)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new(postScriptName, program);
    }

    public string PostScriptName { get; }

    /// <summary>The font file as read (the subset is cut from it when the document is written).</summary>
    public byte[] Program { get; }

    /// <summary>The font's cmap and glyphs, for cutting the subset a document embeds.</summary>
    public TrueTypeSubsetter Subsetter { get; }

    public int UnitsPerEm { get; }

    /// <summary>Ascender and descender (positive) and line gap from the hhea table, in em.</summary>
    public double Ascent { get; }

    public double Descent { get; }

    public double LineGap { get; }

    /// <summary>The font's 'kern' pair adjustments (GPOS), in font units.</summary>
    public PairKerning Kerning { get; }

    /// <summary>The glyph id the cmap gives <paramref name="codePoint"/>; 0 (.notdef) when the face has none.</summary>
    public int GlyphOf(int codePoint) => (uint)codePoint < 0x10000 ? _bmpGlyphs[codePoint] : Subsetter.GlyphOf(codePoint);

    /// <summary>The advance of glyph <paramref name="glyph"/> in em.</summary>
    public double GlyphAdvance(int glyph) => _advances[glyph] / (double)UnitsPerEm;

    /// <summary>The advance of <paramref name="codePoint"/> in em.</summary>
    /// <remarks>A default-ignorable character (U+200B, U+2060, U+FEFF, variation selectors…) is 0: it draws nothing.</remarks>
    public double Advance(int codePoint) => IsZeroWidth(codePoint) ? 0 : GlyphAdvance(GlyphOf(codePoint));

    /// <summary>Characters that take no room and draw nothing, whether or not the font maps them (not to .notdef's 1 em).</summary>
    public static bool IsZeroWidth(int codePoint) =>
        codePoint is (>= 0x200B and <= 0x200F) or (>= 0x2060 and <= 0x2064) or 0xFEFF or (>= 0xFE00 and <= 0xFE0F)
            or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// The change to the advance of <paramref name="left"/> when <paramref name="right"/> follows it on the line (the
    /// font's pair kerning, which the browser applies), in em; usually 0, negative where the pair is set closer.
    /// </summary>
    public double Kern(int left, int right) => Kerning.Adjustment(GlyphOf(left), GlyphOf(right)) / (double)UnitsPerEm;

    /// <summary>The advance of <paramref name="text"/> at <paramref name="size"/> points, in points (no kerning).</summary>
    public double Width(string text, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var em = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            em += Advance(rune.Value);
        }

        return em * size;
    }

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points with the font's pair kerning, in points.</summary>
    public double KernedWidth(string text, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var em = 0.0;
        var previous = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            em += Advance(rune.Value) + (previous >= 0 ? Kern(previous, rune.Value) : 0);
            previous = rune.Value;
        }

        return em * size;
    }
}

/// <summary>The two weights the booklet prints with.</summary>
public sealed record FontFamily(FontFace Regular, FontFace Bold)
{
    /// <summary>Loads NotoSansJP-Regular.ttf and NotoSansJP-Bold.ttf from <paramref name="directory"/>.</summary>
    public static FontFamily Load(string directory) => new(
        FontFace.Load(File.ReadAllBytes(Path.Combine(directory, "NotoSansJP-Regular.ttf")), "NotoSansJP-Regular"),
        FontFace.Load(File.ReadAllBytes(Path.Combine(directory, "NotoSansJP-Bold.ttf")), "NotoSansJP-Bold"));

    public FontFace this[TextWeight weight] => weight == TextWeight.Bold ? Bold : Regular;
}

public enum TextWeight
{
    Regular,
    Bold,
}

/// <summary>An RGB colour, 0–255 a channel.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    public static PdfColor Black { get; } = new(0, 0, 0);

    public static PdfColor White { get; } = new(255, 255, 255);

    /// <summary>"#e8edf3".</summary>
    public static PdfColor Hex(string hex) => new(
        Convert.ToByte(hex.Substring(1, 2), 16), Convert.ToByte(hex.Substring(3, 2), 16), Convert.ToByte(hex.Substring(5, 2), 16));
}
