using System.Buffers.Binary;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>A font program cut to a document's glyphs and compressed, named by its subset tag ("ABCDEF").</summary>
/// <param name="Tag">The subset's six-letter name prefix.</param>
/// <param name="Deflated">The font file, Flate-compressed.</param>
/// <param name="Length1">The uncompressed size (the FontFile2 stream's /Length1).</param>
internal sealed record EmbeddedFont(string Tag, byte[] Deflated, int Length1);

/// <summary>
/// The subsets a document embeds (ADR 0036), cut from the whole face with every glyph id kept (so the content
/// streams' Identity-H codes are the glyph ids and /CIDToGIDMap is /Identity), only the glyphs drawn — and the
/// components of composite ones — left with outlines. Only the tables a PDF's TrueType font program needs are kept
/// (glyf, loca, head, hhea, hmtx, maxp, hinting, OS/2, name, post): the cmap and the layout tables (GSUB, GPOS…)
/// serve text layout, which is done before the PDF is written. Cutting and compressing is most of the cost of a
/// small document, so the last few results are kept, by face and glyph set: the same booklet written again with one
/// sheet changed usually draws the same glyphs.
/// </summary>
internal static class EmbeddedFonts
{
    private const int Kept = 4;

    private static readonly string[] Tables = ["OS/2", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    private static readonly LinkedList<(FontFace Face, int[] Glyphs, EmbeddedFont Font)> Recent = new();

    public static EmbeddedFont Get(FontFace face, int[] glyphs)
    {
        lock (Recent)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (ReferenceEquals(node.Value.Face, face) && node.Value.Glyphs.AsSpan().SequenceEqual(glyphs))
                {
                    Recent.Remove(node);
                    Recent.AddFirst(node);
                    return node.Value.Font;
                }
            }
        }

        var program = Cut(face, glyphs);
        var font = new EmbeddedFont(Tag(glyphs), PdfPageBuilder.Deflate(program), program.Length);
        lock (Recent)
        {
            Recent.AddFirst((face, glyphs, font));
            while (Recent.Count > Kept)
            {
                Recent.RemoveLast();
            }
        }

        return font;
    }

    /// <summary>Six capital letters derived from the glyph set (a subset's name prefix, "ABCDEF+NotoSansJP-Regular").</summary>
    internal static string Tag(int[] glyphs)
    {
        var hash = 14695981039346656037UL;
        foreach (var glyph in glyphs)
        {
            hash = (hash ^ (ulong)glyph) * 1099511628211UL;
        }

        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + (int)(hash % 26));
            hash /= 26;
        }

        return new string(tag);
    }

    private static byte[] Cut(FontFace face, int[] glyphs)
    {
        var subsetter = face.Subsetter;
        var needed = new HashSet<int>(glyphs) { 0 };
        var pending = new Stack<int>(needed);
        while (pending.TryPop(out var gid))
        {
            foreach (var component in TrueTypeSubsetter.Components(subsetter.Glyph(gid)))
            {
                if (component < subsetter.GlyphCount && needed.Add(component))
                {
                    pending.Push(component);
                }
            }
        }

        var glyf = new MemoryStream();
        var loca = new byte[(subsetter.GlyphCount + 1) * 4];
        for (var gid = 0; gid < subsetter.GlyphCount; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(gid * 4), (uint)glyf.Length);
            if (needed.Contains(gid))
            {
                glyf.Write(subsetter.Glyph(gid));
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(subsetter.GlyphCount * 4), (uint)glyf.Length);
        var source = TrueTypeTables.Read(face.Program);
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Tables)
        {
            if (source.TryGetValue(tag, out var data))
            {
                tables[tag] = data.ToArray();
            }
        }

        tables["glyf"] = glyf.ToArray();
        tables["loca"] = loca;

        // The metrics of the glyphs left empty are zeroed: readers take advances from /W, and a table of zeros
        // compresses to almost nothing (the whole hmtx is 17 KB a face compressed, a tenth of a booklet's font).
        var hmtx = tables["hmtx"];
        int longMetrics = BinaryPrimitives.ReadUInt16BigEndian(tables["hhea"].AsSpan(34));
        for (var gid = 0; gid < subsetter.GlyphCount; gid++)
        {
            if (!needed.Contains(gid))
            {
                var (at, length) = gid < longMetrics ? (gid * 4, 4) : ((longMetrics * 4) + ((gid - longMetrics) * 2), 2);
                if (at + length <= hmtx.Length)
                {
                    hmtx.AsSpan(at, length).Clear();
                }
            }
        }

        BinaryPrimitives.WriteInt16BigEndian(tables["head"].AsSpan(50), 1);
        return TrueTypeTables.Write(tables, adjustHead: true);
    }
}
