using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// What the font union of a merge (<see cref="PdfFontMerger"/>) keeps for the next merge (ADR 0034). Inflating,
/// joining and compressing each face's subsets was about half of a merge's CPU, and the merge after one sheet
/// changed joins the same subsets again (the parts it reuses) and one new one whose glyphs the document mostly had.
/// <list type="bullet">
/// <item>Each subset's glyphs (id → a hash of its outline bytes), by the SHA-256 of the subset's compressed stream:
/// a subset seen before is not inflated again.</item>
/// <item>Each face's recent unions: their glyphs and their compressed font program. When every glyph of every subset
/// of a merge is in a recent union with the same outline bytes, that union's program serves the merged document as
/// it is (a font with more glyphs than the pages use draws the same pages); its widths and ToUnicode map are still
/// the merge's own.</item>
/// </list>
/// Both are bounded (<see cref="MaxSubsets"/>, <see cref="UnionsPerFace"/>), in memory, lost on restart.
/// </summary>
internal static class PdfFontUnions
{
    public const int MaxSubsets = 512;

    public const int UnionsPerFace = 4;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, LinkedListNode<(string Key, Glyphs Glyphs)>> Subsets = new(StringComparer.Ordinal);
    private static readonly LinkedList<(string Key, Glyphs Glyphs)> SubsetOrder = new();
    private static readonly Dictionary<string, List<(Glyphs Glyphs, PdfObject Program)>> Unions = new(StringComparer.Ordinal);
    private static readonly HashSet<string> Joining = new(StringComparer.Ordinal);

    /// <summary>A font's glyphs: glyph id → FNV-1a hash of its outline bytes, padding left out (empty glyphs left out).</summary>
    public sealed class Glyphs(Dictionary<int, ulong> byId)
    {
        public Dictionary<int, ulong> ById { get; } = byId;

        public bool Covers(Glyphs other)
        {
            foreach (var (gid, hash) in other.ById)
            {
                if (!ById.TryGetValue(gid, out var mine) || mine != hash)
                {
                    return false;
                }
            }

            return true;
        }

        public static Glyphs Union(IEnumerable<Glyphs> sets)
        {
            var all = new Dictionary<int, ulong>();
            foreach (var set in sets)
            {
                foreach (var (gid, hash) in set.ById)
                {
                    all.TryAdd(gid, hash);
                }
            }

            return new Glyphs(all);
        }
    }

    /// <summary>The glyphs of the subset in <paramref name="program"/>; <paramref name="inflated"/> is its font when it had to be read now.</summary>
    public static Glyphs SubsetGlyphs(PdfObject program, Func<PdfObject, byte[]> inflate, out byte[]? inflated)
    {
        var key = Convert.ToHexString(SHA256.HashData(program.StreamData!.Value.Span));
        lock (Gate)
        {
            if (Subsets.TryGetValue(key, out var node) && node.List is not null)
            {
                SubsetOrder.Remove(node);
                SubsetOrder.AddLast(node);
                inflated = null;
                return node.Value.Glyphs;
            }
        }

        inflated = inflate(program);
        var glyphs = Read(inflated);
        lock (Gate)
        {
            if (!Subsets.ContainsKey(key))
            {
                Subsets[key] = SubsetOrder.AddLast((key, glyphs));
                while (Subsets.Count > MaxSubsets && SubsetOrder.First is { } oldest)
                {
                    Subsets.Remove(oldest.Value.Key);
                    SubsetOrder.RemoveFirst();
                }
            }
        }

        return glyphs;
    }

    /// <summary>
    /// The recent union of <paramref name="face"/> that has every glyph of the most of <paramref name="subsets"/>
    /// (the latest on a tie), and which subsets it covers; null when none covers any.
    /// </summary>
    public static (PdfObject Program, bool[] Covered)? CoveringMost(string face, IReadOnlyList<Glyphs> subsets)
    {
        lock (Gate)
        {
            if (!Unions.TryGetValue(face, out var unions))
            {
                return null;
            }

            var best = -1;
            bool[]? bestCovered = null;
            for (var i = unions.Count - 1; i >= 0; i--)
            {
                var covered = subsets.Select(unions[i].Glyphs.Covers).ToArray();
                if (covered.Any(c => c) && (bestCovered is null || covered.Count(c => c) > bestCovered.Count(c => c)))
                {
                    (best, bestCovered) = (i, covered);
                }
            }

            if (bestCovered is null)
            {
                return null;
            }

            var hit = unions[best];
            unions.RemoveAt(best);
            unions.Add(hit);
            return (hit.Program, bestCovered);
        }
    }

    /// <summary>
    /// Computes <paramref name="union"/> (a face's union of <paramref name="glyphs"/>) on another thread and remembers
    /// it, unless one for that face is already being computed: a merge that left a subset as a font of its own
    /// (ADR 0034) does not wait for it, and the next merge of the same parts finds one font for the face.
    /// </summary>
    public static void JoinBeside(string face, Glyphs glyphs, Func<PdfObject> union)
    {
        lock (Gate)
        {
            if (!Joining.Add(face))
            {
                return;
            }
        }

        _ = Task.Run(() =>
        {
            try
            {
                Remember(face, glyphs, union());
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException or FormatException)
            {
                // Not remembered: the next merge computes the union itself.
            }
            finally
            {
                lock (Gate)
                {
                    Joining.Remove(face);
                }
            }
        });
    }

    public static void Remember(string face, Glyphs glyphs, PdfObject program)
    {
        lock (Gate)
        {
            if (!Unions.TryGetValue(face, out var unions))
            {
                Unions[face] = unions = [];
            }

            unions.Add((glyphs, program));
            if (unions.Count > UnionsPerFace)
            {
                unions.RemoveAt(0);
            }
        }
    }

    /// <summary>Each non-empty glyph of a TrueType font (glyf/loca) with a hash of its bytes.</summary>
    internal static Glyphs Read(byte[] font)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        ReadOnlySpan<byte> loca = default, glyf = default;
        var longOffsets = false;
        var glyphCount = 0;
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            var table = font.AsSpan((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            switch (System.Text.Encoding.Latin1.GetString(record[..4]))
            {
                case "loca": loca = table; break;
                case "glyf": glyf = table; break;
                case "head": longOffsets = BinaryPrimitives.ReadInt16BigEndian(table[50..]) == 1; break;
                case "maxp": glyphCount = BinaryPrimitives.ReadUInt16BigEndian(table[4..]); break;
                default: break;
            }
        }

        var byId = new Dictionary<int, ulong>();
        for (var gid = 0; gid < glyphCount; gid++)
        {
            var (start, end) = longOffsets
                ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(gid * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[((gid + 1) * 4)..]))
                : (BinaryPrimitives.ReadUInt16BigEndian(loca[(gid * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(loca[((gid + 1) * 2)..]) * 2);
            if (end > start)
            {
                // Without the padding a subset may add (a short loca keeps each glyph at an even length).
                byId[gid] = Fnv(glyf[start..end].TrimEnd((byte)0));
            }
        }

        return new Glyphs(byId);
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
