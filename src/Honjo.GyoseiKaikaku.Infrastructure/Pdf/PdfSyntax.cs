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

    /// <summary>A dictionary entry whose value is an indirect reference; group 1 is the object number.</summary>
    public static Regex Entry(string key) => new($@"/{key} (\d+) 0 R", RegexOptions.CultureInvariant);
}
