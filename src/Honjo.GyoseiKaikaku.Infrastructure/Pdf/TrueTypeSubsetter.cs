using System.Buffers.Binary;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// A TrueType font cut down to the glyphs a document needs, every glyph id kept (ADR 0033): only glyf and loca are
/// written anew, the glyphs not needed left empty; every other table (cmap, hmtx, GSUB, GPOS, OS/2, name…) is kept
/// as it is, so the browser lays the text out exactly as with the whole font, and the PDF it prints embeds the same
/// glyph ids (<see cref="PdfFontMerger"/> unions subsets by glyph id). Needed: .notdef, the glyphs the cmap gives for
/// the characters (and their variation sequences), every glyph a GSUB lookup can put in their place (a closure over
/// all lookups to a fixed point: contextual lookups only call the others), and the components of composite glyphs.
/// Loaded once per font; <see cref="Subset"/> is thread-safe.
/// </summary>
public sealed class TrueTypeSubsetter
{
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _tables;
    private readonly Dictionary<int, int> _cmap = [];
    private readonly List<(int VariationSelector, int CodePoint, int Glyph)> _variations = [];
    private readonly Dictionary<int, List<int>> _substitutions = [];
    private readonly Dictionary<int, List<(int Ligature, int[] Components)>> _ligatures = [];
    private readonly bool _longOffsets;

    private TrueTypeSubsetter(byte[] font)
    {
        _tables = TrueTypeTables.Read(font);
        GlyphCount = TrueTypeTables.GlyphCount(_tables);
        _longOffsets = BinaryPrimitives.ReadInt16BigEndian(_tables["head"].Span[50..]) == 1;
        ReadCmap(_tables["cmap"].Span);
        if (_tables.TryGetValue("GSUB", out var gsub))
        {
            ReadGsub(gsub.Span);
        }
    }

    public static TrueTypeSubsetter Load(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        return new TrueTypeSubsetter(font);
    }

    public int GlyphCount { get; }

    /// <summary>The glyph the cmap gives <paramref name="codePoint"/>, 0 (.notdef) when none.</summary>
    public int GlyphOf(int codePoint) => _cmap.GetValueOrDefault(codePoint);

    /// <summary>The font with only the glyphs of <see cref="NeededGlyphs"/> drawn; the same glyph count and every other table.</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        var needed = NeededGlyphs(codePoints);
        var glyf = new MemoryStream();
        var loca = new byte[(GlyphCount + 1) * 4];
        for (var gid = 0; gid < GlyphCount; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(gid * 4), (uint)glyf.Length);
            if (needed.Contains(gid))
            {
                // Byte for byte as in the whole font (which does not pad its glyphs either: long offsets need no alignment).
                glyf.Write(Glyph(gid));
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(GlyphCount * 4), (uint)glyf.Length);
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, data) in _tables)
        {
            // A digital signature no longer matches the changed font; every other table stays as it is.
            if (tag != "DSIG")
            {
                tables[tag] = data.ToArray();
            }
        }

        tables["glyf"] = glyf.ToArray();
        tables["loca"] = loca;
        BinaryPrimitives.WriteInt16BigEndian(tables["head"].AsSpan(50), 1);
        return TrueTypeTables.Write(tables, adjustHead: true);
    }

    /// <summary>The glyph ids a text of <paramref name="codePoints"/> can be drawn with (see the class).</summary>
    public IReadOnlySet<int> NeededGlyphs(IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var characters = codePoints.ToHashSet();
        var needed = new HashSet<int> { 0 };
        var pending = new Stack<int>();
        void Add(int gid)
        {
            if (gid > 0 && gid < GlyphCount && needed.Add(gid))
            {
                pending.Push(gid);
            }
        }

        foreach (var codePoint in characters)
        {
            Add(GlyphOf(codePoint));
        }

        foreach (var (selector, codePoint, glyph) in _variations)
        {
            if (characters.Contains(selector) && characters.Contains(codePoint))
            {
                Add(glyph);
            }
        }

        // GSUB closure: each glyph's substitutes, then every ligature whose components are all in, until nothing is added.
        do
        {
            while (pending.TryPop(out var gid))
            {
                if (_substitutions.TryGetValue(gid, out var outputs))
                {
                    outputs.ForEach(Add);
                }
            }

            foreach (var (first, ligatures) in _ligatures)
            {
                if (needed.Contains(first))
                {
                    foreach (var (ligature, components) in ligatures)
                    {
                        if (!needed.Contains(ligature) && components.All(needed.Contains))
                        {
                            Add(ligature);
                        }
                    }
                }
            }
        }
        while (pending.Count > 0);

        // The components of composite glyphs (themselves possibly composite).
        foreach (var gid in needed.ToList())
        {
            pending.Push(gid);
        }

        while (pending.TryPop(out var gid))
        {
            foreach (var component in Components(Glyph(gid)))
            {
                Add(component);
            }
        }

        return needed;
    }

    /// <summary>The outline data of glyph <paramref name="gid"/> in the whole font (empty for a blank glyph).</summary>
    public ReadOnlySpan<byte> Glyph(int gid) => GlyphData(_tables, _longOffsets, gid);

    /// <summary>The outline data of glyph <paramref name="gid"/> in <paramref name="font"/> (a font file), empty for a blank glyph.</summary>
    public static byte[] GlyphOf(byte[] font, int gid)
    {
        var tables = TrueTypeTables.Read(font);
        return GlyphData(tables, BinaryPrimitives.ReadInt16BigEndian(tables["head"].Span[50..]) == 1, gid).ToArray();
    }

    private static ReadOnlySpan<byte> GlyphData(Dictionary<string, ReadOnlyMemory<byte>> tables, bool longOffsets, int gid)
    {
        var loca = tables["loca"].Span;
        var (start, end) = longOffsets
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(gid * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[((gid + 1) * 4)..]))
            : (BinaryPrimitives.ReadUInt16BigEndian(loca[(gid * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(loca[((gid + 1) * 2)..]) * 2);
        return start >= end ? [] : tables["glyf"].Span[start..end];
    }

    /// <summary>The glyph ids a composite glyph is built of (none for a simple or blank glyph).</summary>
    public static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return components;
        }

        const int argsAreWords = 0x1, scale = 0x8, moreComponents = 0x20, xyScale = 0x40, twoByTwo = 0x80;
        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & argsAreWords) != 0 ? 4 : 2)
                + ((flags & scale) != 0 ? 2 : (flags & xyScale) != 0 ? 4 : (flags & twoByTwo) != 0 ? 8 : 0);
        }
        while ((flags & moreComponents) != 0 && at + 4 <= glyph.Length);
        return components;
    }

    private static int U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static int U24(ReadOnlySpan<byte> data, int at) => (data[at] << 16) | (data[at + 1] << 8) | data[at + 2];

    private static int U32(ReadOnlySpan<byte> data, int at) => (int)BinaryPrimitives.ReadUInt32BigEndian(data[at..]);

    /// <summary>The Unicode cmap: a format 12 subtable when there is one, else format 4; and the variation sequences (format 14).</summary>
    private void ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = U16(cmap, 2);
        int? format12 = null, format4 = null, format14 = null;
        for (var i = 0; i < count; i++)
        {
            var (platform, encoding, offset) = (U16(cmap, 4 + (8 * i)), U16(cmap, 6 + (8 * i)), U32(cmap, 8 + (8 * i)));
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            switch (U16(cmap, offset))
            {
                case 12 when unicode: format12 ??= offset; break;
                case 4 when unicode: format4 ??= offset; break;
                case 14: format14 ??= offset; break;
            }
        }

        if (format12 is { } twelve)
        {
            var groups = U32(cmap, twelve + 12);
            for (var g = 0; g < groups; g++)
            {
                var at = twelve + 16 + (12 * g);
                var (first, last, glyph) = (U32(cmap, at), U32(cmap, at + 4), U32(cmap, at + 8));
                for (var c = first; c <= last; c++)
                {
                    _cmap.TryAdd(c, glyph + (c - first));
                }
            }
        }
        else if (format4 is { } four)
        {
            var segments = U16(cmap, four + 6) / 2;
            var ends = four + 14;
            var starts = ends + (2 * segments) + 2;
            var deltas = starts + (2 * segments);
            var rangeOffsets = deltas + (2 * segments);
            for (var s = 0; s < segments; s++)
            {
                var (start, end, delta, rangeOffset) = (U16(cmap, starts + (2 * s)), U16(cmap, ends + (2 * s)), U16(cmap, deltas + (2 * s)), U16(cmap, rangeOffsets + (2 * s)));
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF : U16(cmap, rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
                    if (glyph != 0)
                    {
                        _cmap.TryAdd(c, rangeOffset == 0 ? glyph : (glyph + delta) & 0xFFFF);
                    }
                }
            }
        }

        if (format14 is { } fourteen)
        {
            var records = U32(cmap, fourteen + 6);
            for (var r = 0; r < records; r++)
            {
                var at = fourteen + 10 + (11 * r);
                var (selector, nonDefault) = (U24(cmap, at), U32(cmap, at + 7));
                if (nonDefault == 0)
                {
                    continue;
                }

                var mappings = U32(cmap, fourteen + nonDefault);
                for (var m = 0; m < mappings; m++)
                {
                    var mapping = fourteen + nonDefault + 4 + (5 * m);
                    _variations.Add((selector, U24(cmap, mapping), U16(cmap, mapping + 3)));
                }
            }
        }
    }

    /// <summary>Every substitution GSUB's lookups can make, whatever feature, script or context calls them.</summary>
    private void ReadGsub(ReadOnlySpan<byte> gsub)
    {
        var lookupList = U16(gsub, 8);
        var lookups = U16(gsub, lookupList);
        for (var l = 0; l < lookups; l++)
        {
            var lookup = lookupList + U16(gsub, lookupList + 2 + (2 * l));
            var type = U16(gsub, lookup);
            var subtables = U16(gsub, lookup + 4);
            for (var s = 0; s < subtables; s++)
            {
                var subtable = lookup + U16(gsub, lookup + 6 + (2 * s));
                var subtableType = type;
                if (type == 7)
                {
                    subtableType = U16(gsub, subtable + 2);
                    subtable += U32(gsub, subtable + 4);
                }

                ReadSubstitution(gsub, subtableType, subtable);
            }
        }
    }

    private void ReadSubstitution(ReadOnlySpan<byte> gsub, int type, int at)
    {
        var format = U16(gsub, at);
        var coverage = Coverage(gsub, at + U16(gsub, at + 2));
        switch (type)
        {
            case 1 when format == 1:
                var delta = (short)U16(gsub, at + 4);
                coverage.ForEach(g => Substitute(g, (g + delta) & 0xFFFF));
                break;
            case 1 when format == 2:
            case 8 when format == 1:
                var glyphs = type == 1 ? at + 4 : SubstituteArray(gsub, at);
                for (var i = 0; i < coverage.Count && i < U16(gsub, glyphs); i++)
                {
                    Substitute(coverage[i], U16(gsub, glyphs + 2 + (2 * i)));
                }

                break;
            case 2 or 3 when format == 1:
                for (var i = 0; i < coverage.Count && i < U16(gsub, at + 4); i++)
                {
                    var sequence = at + U16(gsub, at + 6 + (2 * i));
                    for (var k = 0; k < U16(gsub, sequence); k++)
                    {
                        Substitute(coverage[i], U16(gsub, sequence + 2 + (2 * k)));
                    }
                }

                break;
            case 4 when format == 1:
                for (var i = 0; i < coverage.Count && i < U16(gsub, at + 4); i++)
                {
                    var set = at + U16(gsub, at + 6 + (2 * i));
                    for (var k = 0; k < U16(gsub, set); k++)
                    {
                        var ligature = set + U16(gsub, set + 2 + (2 * k));
                        var components = new int[Math.Max(0, U16(gsub, ligature + 2) - 1)];
                        for (var c = 0; c < components.Length; c++)
                        {
                            components[c] = U16(gsub, ligature + 4 + (2 * c));
                        }

                        if (!_ligatures.TryGetValue(coverage[i], out var list))
                        {
                            _ligatures[coverage[i]] = list = [];
                        }

                        list.Add((U16(gsub, ligature), components));
                    }
                }

                break;
        }
    }

    /// <summary>Where a reverse chaining substitution's glyphCount is: after its backtrack and lookahead coverages.</summary>
    private static int SubstituteArray(ReadOnlySpan<byte> gsub, int at)
    {
        var backtrack = U16(gsub, at + 4);
        var lookahead = at + 6 + (2 * backtrack);
        return lookahead + 2 + (2 * U16(gsub, lookahead));
    }

    private void Substitute(int from, int to)
    {
        if (!_substitutions.TryGetValue(from, out var list))
        {
            _substitutions[from] = list = [];
        }

        list.Add(to);
    }

    /// <summary>A coverage table's glyphs in coverage-index order.</summary>
    private static List<int> Coverage(ReadOnlySpan<byte> data, int at)
    {
        var glyphs = new List<int>();
        var count = U16(data, at + 2);
        if (U16(data, at) == 1)
        {
            for (var i = 0; i < count; i++)
            {
                glyphs.Add(U16(data, at + 4 + (2 * i)));
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var (start, end) = (U16(data, at + 4 + (6 * i)), U16(data, at + 6 + (6 * i)));
                for (var g = start; g <= end; g++)
                {
                    glyphs.Add(g);
                }
            }
        }

        return glyphs;
    }
}
