using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>What the PDF post-processing steps read and write the same way: trailers, stream lengths, Flate data.</summary>
internal static partial class PdfSyntax
{
    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    public static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"trailer\s*<<(.*?)>>\s*startxref", RegexOptions.Singleline)]
    public static partial Regex Trailer();

    /// <summary>A stream's length written directly (an indirect length is not followed).</summary>
    [GeneratedRegex(@"/Length (\d+)(?! \d+ R)")]
    public static partial Regex LengthEntry();

    /// <summary>An indirect reference "12 0 R"; group 1 is the object number.</summary>
    [GeneratedRegex(@"(?<![0-9])(\d+) 0 R\b")]
    public static partial Regex Reference();

    // The tagged structure as Chromium writes it, read the same way by the merger and the splitter (ADR 0021, 0030).
    [GeneratedRegex(@"/StructParents (\d+)")]
    public static partial Regex StructParents();

    [GeneratedRegex(@"/ParentTreeNextKey (\d+)")]
    public static partial Regex NextKey();

    [GeneratedRegex(@"/K \[([^\]]*)\]")]
    public static partial Regex DocumentKids();

    [GeneratedRegex(@"/Nums \[(.*)\]", RegexOptions.Singleline)]
    public static partial Regex NumsArray();

    [GeneratedRegex(@"(\d+)\s+(\d+ 0 R|\[[^\]]*\])")]
    public static partial Regex NumsPair();

    [GeneratedRegex(@"/Title (<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))")]
    public static partial Regex Title();

    /// <summary>A dictionary entry whose value is an indirect reference; group 1 is the object number.</summary>
    public static Regex Entry(string key) => Entries.GetOrAdd(key, k => new Regex($@"/{k} (\d+) 0 R", RegexOptions.CultureInvariant));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Entries = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> with every indirect reference "n 0 R" made "n+shift 0 R": what <see cref="Reference"/>
    /// matches, scanned by hand (the merge renumbers every object of every part).
    /// </summary>
    public static string ShiftReferences(string text, int shift) => shift == 0 ? text : MapReferences(text, n => n + shift);

    /// <summary><paramref name="text"/> with every indirect reference "n 0 R" made "map(n) 0 R".</summary>
    public static string MapReferences(string text, Func<int, int> map)
    {
        var at = text.IndexOf(" 0 R", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        var copied = 0;
        for (; at >= 0; at = text.IndexOf(" 0 R", at + 4, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }

            var after = at + 4;
            if (start == at || (after < text.Length && (char.IsAsciiLetterOrDigit(text[after]) || text[after] == '_')))
            {
                continue;
            }

            result.Append(text, copied, start - copied)
                .Append(map(int.Parse(text.AsSpan(start, at - start), System.Globalization.CultureInfo.InvariantCulture)));
            copied = at;
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
