using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// One font subset per typeface in a merged PDF. Each part Chromium prints embeds its own subset of each TrueType
/// face (Identity-H, glyph ids kept as in the full font), so subsets of one face differ only in which glyphs they
/// carry. The first font of a face becomes the face's font for every page: its font program gets the union of the
/// subsets' glyphs, its widths and ToUnicode map the union of theirs; the others are dropped. A recent union that
/// already has every glyph is reused as it is, and a subset with glyphs no recent union has may stay a font of its
/// own for one merge (<see cref="PdfFontUnions"/>, ADR 0034).
/// </summary>
internal static partial class PdfFontMerger
{
    public static void MergeFaces(Dictionary<int, PdfObject> objects)
    {
        var fonts = objects
            .Where(o => o.Value.StreamData is null && o.Value.Text.Contains("/Type0", StringComparison.Ordinal) && Type0().IsMatch(o.Value.Text))
            .Select(o => Describe(objects, o.Key))
            .Where(f => f is not null)
            .Select(f => f!)
            .GroupBy(f => f.Face, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        // Each face's union is computed on its own (in parallel: the merge runs while the other core is free, and
        // inflating, joining and compressing the subsets is most of its work, ADR 0031), then written in.
        var merged = new (List<Font> Joined, PdfObject Program, string Descendant, PdfObject? ToUnicode)[fonts.Count];
        Parallel.For(0, fonts.Count, i => merged[i] = MergeFace(objects, fonts[i].ToList()));
        var replaced = new Dictionary<int, int>();
        for (var i = 0; i < fonts.Count; i++)
        {
            var all = merged[i].Joined;
            var keep = all[0];
            objects[keep.Program] = merged[i].Program;
            objects[keep.Descendant] = objects[keep.Descendant] with { Text = merged[i].Descendant };
            if (keep.ToUnicode is { } toUnicode)
            {
                objects[toUnicode] = merged[i].ToUnicode!;
            }

            foreach (var font in all.Skip(1))
            {
                replaced[font.Type0] = keep.Type0;
                foreach (var number in new[] { font.Type0, font.Descendant, font.Descriptor, font.Program }.Concat(font.ToUnicode is { } t ? [t] : []))
                {
                    objects.Remove(number);
                }
            }
        }

        if (replaced.Count == 0)
        {
            return;
        }

        foreach (var (number, body) in objects.ToList())
        {
            if (body.Text.Contains("/Font", StringComparison.Ordinal))
            {
                objects[number] = body with
                {
                    Text = PdfSyntax.Reference().Replace(body.Text, m =>
                        replaced.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var to) ? $"{to} 0 R" : m.Value),
                };
            }
        }
    }

    /// <summary>One face's joined fonts, their program, CIDFont text (its widths the union) and ToUnicode map; reads only.</summary>
    private static (List<Font> Joined, PdfObject Program, string Descendant, PdfObject? ToUnicode) MergeFace(Dictionary<int, PdfObject> objects, List<Font> face)
    {
        var (all, program) = UnionProgram(objects, face);
        var keep = all[0];
        var widths = new SortedDictionary<int, string>();
        foreach (var font in all)
        {
            ReadWidths(objects[font.Descendant].Text, widths);
        }

        var descendant = WidthsEntry().Replace(objects[keep.Descendant].Text, "/W [" + WriteWidths(widths) + "]");
        PdfObject? toUnicodeStream = null;
        if (keep.ToUnicode is not null)
        {
            var mappings = new SortedDictionary<int, string>();
            var digits = 4;
            string? header = null;
            foreach (var font in all.Where(f => f.ToUnicode is not null))
            {
                var cmap = Encoding.Latin1.GetString(Inflate(objects[font.ToUnicode!.Value]));
                header ??= cmap;
                foreach (var (code, text) in ToUnicodeNormalizer.Mappings(cmap, out digits))
                {
                    mappings.TryAdd(code, text);
                }
            }

            toUnicodeStream = FontStream(Encoding.Latin1.GetBytes(ToUnicodeNormalizer.WriteCMap(header!, mappings, digits)), lengthOne: false);
        }

        return (all, program, descendant, toUnicodeStream);
    }

    /// <summary>At most this many subsets of a face stay fonts of their own in one merge rather than recompute the union.</summary>
    private const int MaxSeparate = 2;

    /// <summary>
    /// Which of the face's fonts are joined, and the program they share (ADR 0034): when a recent union has every
    /// glyph of all of them, that union as it is; when it has those of all but one or two subsets (a part printed
    /// again with a character the booklet did not have), those stay fonts of their own and the others share the
    /// union, while the union of all is computed beside for the next merge; else the union of all, computed now and
    /// remembered for the next merge.
    /// </summary>
    private static (List<Font> Joined, PdfObject Program) UnionProgram(Dictionary<int, PdfObject> objects, List<Font> all)
    {
        var inflated = new byte[]?[all.Count];
        var glyphs = new PdfFontUnions.Glyphs[all.Count];
        Parallel.For(0, all.Count, i => glyphs[i] = PdfFontUnions.SubsetGlyphs(objects[all[i].Program], Inflate, out inflated[i]));
        if (PdfFontUnions.CoveringMost(all[0].Face, glyphs) is var (covering, covered))
        {
            var uncovered = Enumerable.Range(0, all.Count).Where(i => !covered[i]).ToList();
            if (uncovered.Count == 0)
            {
                return (all, covering);
            }

            if (uncovered.Count <= MaxSeparate && uncovered.Count < all.Count - 1)
            {
                // The union of all is computed beside, after this merge, for the next one (a download again).
                var programs = all.Select(f => objects[f.Program]).ToList();
                PdfFontUnions.JoinBeside(all[0].Face, PdfFontUnions.Glyphs.Union(glyphs), () => FontStream(TrueTypeUnion(programs.Select(Inflate).ToList()), lengthOne: true));
                return ([.. all.Where((_, i) => covered[i])], covering);
            }
        }

        Parallel.For(0, all.Count, i => inflated[i] ??= Inflate(objects[all[i].Program]));
        var program = FontStream(TrueTypeUnion(inflated!), lengthOne: true);
        PdfFontUnions.Remember(all[0].Face, PdfFontUnions.Glyphs.Union(glyphs), program);
        return (all, program);
    }

    private sealed record Font(string Face, int Type0, int Descendant, int Descriptor, int Program, int? ToUnicode);

    /// <summary>A Type0 font over a TrueType CIDFont with its program embedded, or null for any other kind.</summary>
    private static Font? Describe(Dictionary<int, PdfObject> objects, int type0)
    {
        var text = objects[type0].Text;
        var face = BaseFont().Match(text);
        var descendant = DescendantFonts().Match(text);
        if (!face.Success || !descendant.Success || !objects.TryGetValue(Number(descendant), out var cid)
            || !cid.Text.Contains("/CIDFontType2", StringComparison.Ordinal) || !WidthsEntry().IsMatch(cid.Text))
        {
            return null;
        }

        var descriptor = PdfSyntax.Entry("FontDescriptor").Match(cid.Text);
        if (!descriptor.Success || !objects.TryGetValue(Number(descriptor), out var fd) || PdfSyntax.Entry("FontFile2").Match(fd.Text) is not { Success: true } program)
        {
            return null;
        }

        var toUnicode = PdfSyntax.Entry("ToUnicode").Match(text);
        return new Font(face.Groups[1].Value, type0, Number(descendant), Number(descriptor), Number(program), toUnicode.Success ? Number(toUnicode) : null);
    }

    private static int Number(Match m) => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);

    private static byte[] Inflate(PdfObject stream)
    {
        var data = stream.StreamData!.Value.Span;
        var start = data.IndexOf((byte)'\n') + 1;
        var length = int.Parse(PdfSyntax.LengthEntry().Match(stream.Text).Groups[1].Value, CultureInfo.InvariantCulture);
        using var input = new ZLibStream(new MemoryStream(data.Slice(start, length).ToArray()), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static PdfObject FontStream(byte[] data, bool lengthOne)
    {
        var compressed = PdfSyntax.Deflate(data);
        var tail = new byte[compressed.Length + "stream\n".Length + "\nendstream".Length];
        Encoding.Latin1.GetBytes("stream\n").CopyTo(tail, 0);
        compressed.CopyTo(tail, "stream\n".Length);
        Encoding.Latin1.GetBytes("\nendstream").CopyTo(tail, "stream\n".Length + compressed.Length);
        return new PdfObject($"<<{(lengthOne ? $"/Length1 {data.Length} " : string.Empty)}/Filter /FlateDecode /Length {compressed.Length}>>", tail);
    }

    /// <summary>A /W array ("c [w1 w2 …]" and "c1 c2 w") into cid → width.</summary>
    private static void ReadWidths(string cidFont, SortedDictionary<int, string> widths)
    {
        var tokens = WidthToken().Matches(WidthsEntry().Match(cidFont).Groups[1].Value).Select(m => m.Value).ToList();
        for (var i = 0; i < tokens.Count;)
        {
            var first = int.Parse(tokens[i], CultureInfo.InvariantCulture);
            if (tokens[i + 1] == "[")
            {
                var cid = first;
                for (i += 2; tokens[i] != "]"; i++)
                {
                    widths.TryAdd(cid++, tokens[i]);
                }

                i++;
            }
            else
            {
                var last = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
                for (var cid = first; cid <= last; cid++)
                {
                    widths.TryAdd(cid, tokens[i + 2]);
                }

                i += 3;
            }
        }
    }

    private static string WriteWidths(SortedDictionary<int, string> widths)
    {
        var text = new StringBuilder();
        var previous = int.MinValue;
        foreach (var (cid, width) in widths)
        {
            text.Append(cid == previous + 1 ? " " : (text.Length > 0 ? "]\n" : string.Empty) + cid.ToString(CultureInfo.InvariantCulture) + " [").Append(width);
            previous = cid;
        }

        return text.Length > 0 ? text.Append(']').ToString() : string.Empty;
    }

    /// <summary>
    /// The union of TrueType subsets of one font whose glyph ids are the full font's: each glyph from the first subset
    /// that carries it; every other table from the subset with the most glyph ids.
    /// </summary>
    internal static byte[] TrueTypeUnion(IReadOnlyList<byte[]> fonts)
    {
        var parsed = fonts.Select(TrueTypeTables.Read).ToList();
        var main = parsed.MaxBy(TrueTypeTables.GlyphCount);
        var count = TrueTypeTables.GlyphCount(main!);
        var glyphs = parsed.Select(GlyphTable.Of).ToArray();
        var glyf = new MemoryStream();
        var loca = new byte[(count + 1) * 4];
        Span<byte> padding = stackalloc byte[4];
        for (var gid = 0; gid < count; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(gid * 4), (uint)glyf.Length);
            foreach (var font in glyphs)
            {
                var glyph = font.Glyph(gid);
                if (glyph.Length > 0)
                {
                    glyf.Write(glyph);
                    glyf.Write(padding[..(int)((4 - (glyf.Length % 4)) % 4)]);
                    break;
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(count * 4), (uint)glyf.Length);
        var tables = new SortedDictionary<string, byte[]>(main!.ToDictionary(t => t.Key, t => t.Value.ToArray()), StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["loca"] = loca,
        };
        var head = tables["head"];
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        return TrueTypeTables.Write(tables);
    }

    /// <summary>A font's glyf and loca tables, read once (the union visits every glyph id of every subset).</summary>
    private readonly record struct GlyphTable(ReadOnlyMemory<byte> Loca, ReadOnlyMemory<byte> Glyf, bool LongOffsets, int Count)
    {
        public static GlyphTable Of(Dictionary<string, ReadOnlyMemory<byte>> font) =>
            new(font["loca"], font["glyf"], BinaryPrimitives.ReadInt16BigEndian(font["head"].Span[50..]) == 1, TrueTypeTables.GlyphCount(font));

        public ReadOnlySpan<byte> Glyph(int gid)
        {
            if (gid >= Count)
            {
                return [];
            }

            var loca = Loca.Span;
            var (start, end) = LongOffsets
                ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(gid * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[((gid + 1) * 4)..]))
                : (BinaryPrimitives.ReadUInt16BigEndian(loca[(gid * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(loca[((gid + 1) * 2)..]) * 2);
            return start == end ? [] : Glyf.Span[start..end];
        }
    }

    [GeneratedRegex(@"/Subtype\s*/Type0\b")]
    private static partial Regex Type0();

    [GeneratedRegex(@"/BaseFont\s*/[A-Z]{6}\+(\S+?)(?=[\s/>])")]
    private static partial Regex BaseFont();

    [GeneratedRegex(@"/DescendantFonts\s*\[\s*(\d+) 0 R\s*\]")]
    private static partial Regex DescendantFonts();

    [GeneratedRegex(@"/W\s*\[((?:[^\[\]]|\[[^\]]*\])*)\]")]
    private static partial Regex WidthsEntry();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?|\[|\]")]
    private static partial Regex WidthToken();

}
