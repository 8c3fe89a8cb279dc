using System.Buffers.Binary;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// One weight's font in a document (ADR 0036): a Type0 font with Identity-H encoding over a CIDFontType2 whose CIDs
/// are the glyph ids, /W giving the widths of the glyphs drawn, the subset embedded as /FontFile2, and a ToUnicode
/// CMap from each glyph to the character it was drawn for (so text copies and reads as written).
/// </summary>
internal sealed class DocumentFont
{
    public const int ObjectCount = 5;

    private readonly FontFace _face;
    private readonly int[] _glyphs;
    private readonly List<(int Glyph, int CodePoint)> _unicode;
    private readonly EmbeddedFont _embedded;

    private DocumentFont(int weight, FontFace face, int[] glyphs, List<(int Glyph, int CodePoint)> unicode, int firstNumber)
    {
        Weight = weight;
        _face = face;
        _glyphs = glyphs;
        _unicode = unicode;
        Type0Number = firstNumber;
        _embedded = EmbeddedFonts.Get(face, glyphs);
    }

    /// <summary>0 regular, 1 bold (the index of its resource name).</summary>
    public int Weight { get; }

    public int Type0Number { get; }

    private int CidFontNumber => Type0Number + 1;

    private int DescriptorNumber => Type0Number + 2;

    private int FontFileNumber => Type0Number + 3;

    private int ToUnicodeNumber => Type0Number + 4;

    private string BaseFont => $"{_embedded.Tag}+{_face.PostScriptName}";

    /// <summary>The weight's font over all <paramref name="pages"/>; null when no page draws with it.</summary>
    public static DocumentFont? Collect(IReadOnlyList<PdfPage> pages, int weight, FontFace face, int firstNumber)
    {
        // By glyph id: drawn or not, and the character it copies as (0 none yet); arrays, as a booklet of a
        // thousand sheets adds some 300,000 glyph uses.
        var used = new bool[face.Subsetter.GlyphCount];
        var characters = new int[face.Subsetter.GlyphCount];
        var any = false;
        foreach (var page in pages)
        {
            foreach (var glyph in page.Glyphs[weight])
            {
                used[glyph] = any = true;
            }

            foreach (var (glyph, codePoint) in page.Unicode[weight])
            {
                characters[glyph] = characters[glyph] == 0 ? codePoint : PdfPageBuilder.PreferredCharacter(characters[glyph], codePoint);
            }
        }

        if (!any)
        {
            return null;
        }

        var glyphs = new List<int>();
        var unicode = new List<(int Glyph, int CodePoint)>();
        for (var gid = 0; gid < used.Length; gid++)
        {
            if (used[gid])
            {
                glyphs.Add(gid);
            }

            if (characters[gid] != 0)
            {
                unicode.Add((gid, characters[gid]));
            }
        }

        return new DocumentFont(weight, face, [.. glyphs], unicode, firstNumber);
    }

    public void WriteStreams(PdfBytes output, XrefTable xref)
    {
        TaggedPdfWriter.WriteStream(output, xref, FontFileNumber, _embedded.Deflated, _embedded.Length1);
        TaggedPdfWriter.WriteStream(output, xref, ToUnicodeNumber, PdfPageBuilder.Deflate(ToUnicode().Span), null);
    }

    public IEnumerable<(int Number, byte[] Body)> Dictionaries()
    {
        yield return (Type0Number, new PdfBytes(256).Append("<</Type /Font /Subtype /Type0 /BaseFont /").Append(BaseFont)
            .Append(" /Encoding /Identity-H /DescendantFonts [").AppendReference(CidFontNumber).Append("] /ToUnicode ").AppendReference(ToUnicodeNumber)
            .Append(">>").ToArray());

        var cid = new PdfBytes(8 * _glyphs.Length + 256).Append("<</Type /Font /Subtype /CIDFontType2 /BaseFont /").Append(BaseFont)
            .Append(" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor ").AppendReference(DescriptorNumber)
            .Append(" /DW 1000 /W [");
        for (var i = 0; i < _glyphs.Length;)
        {
            // Runs of consecutive glyph ids: "first [w1 w2 …]".
            cid.Append(_glyphs[i]).Append(" [");
            var j = i;
            do
            {
                cid.AppendNumber(_face.GlyphAdvance(_glyphs[j]) * 1000).Append(' ');
                j++;
            }
            while (j < _glyphs.Length && _glyphs[j] == _glyphs[j - 1] + 1);
            cid.Append("] ");
            i = j;
        }

        yield return (CidFontNumber, cid.Append("] /CIDToGIDMap /Identity>>").ToArray());
        yield return (DescriptorNumber, Descriptor());
    }

    private byte[] Descriptor()
    {
        var tables = TrueTypeTables.Read(_face.Program);
        var head = tables["head"];
        var scale = 1000.0 / _face.UnitsPerEm;
        double Head(int at) => BinaryPrimitives.ReadInt16BigEndian(head.Span[at..]) * scale;
        var capHeight = _face.Ascent * 1000 * 0.7;
        var weightClass = 400;
        if (tables.TryGetValue("OS/2", out var os2Table))
        {
            var os2 = os2Table.Span;
            weightClass = BinaryPrimitives.ReadUInt16BigEndian(os2[4..]);
            if (BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 && os2.Length >= 90)
            {
                capHeight = BinaryPrimitives.ReadInt16BigEndian(os2[88..]) * scale;
            }
        }

        // No font file records the dominant stem width; this estimate from the weight class is the usual one.
        var stemV = 50 + Math.Round(Math.Pow(weightClass / 65.0, 2));
        return new PdfBytes(256).Append("<</Type /FontDescriptor /FontName /").Append(BaseFont)
            .Append(" /Flags 4 /FontBBox [").AppendNumber(Head(36)).Append(' ').AppendNumber(Head(38)).Append(' ')
            .AppendNumber(Head(40)).Append(' ').AppendNumber(Head(42)).Append("] /ItalicAngle 0 /Ascent ").AppendNumber(_face.Ascent * 1000)
            .Append(" /Descent ").AppendNumber(-_face.Descent * 1000).Append(" /CapHeight ").AppendNumber(capHeight)
            .Append(" /StemV ").AppendNumber(stemV).Append(" /FontFile2 ").AppendReference(FontFileNumber).Append(">>").ToArray();
    }

    private PdfBytes ToUnicode()
    {
        var cmap = new PdfBytes(24 * _unicode.Count + 512).Append(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in _unicode.Chunk(100))
        {
            cmap.Append(block.Length).Append(" beginbfchar\n");
            foreach (var (glyph, codePoint) in block)
            {
                cmap.Append('<').AppendHex4(glyph).Append("> <");
                if (codePoint > char.MaxValue)
                {
                    var pair = char.ConvertFromUtf32(codePoint);
                    cmap.AppendHex4(pair[0]).AppendHex4(pair[1]);
                }
                else
                {
                    cmap.AppendHex4(codePoint);
                }

                cmap.Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        return cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    }
}
