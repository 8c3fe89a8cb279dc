using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// Chromium's PDF backend maps a glyph shared by a radical and an ideograph (行 and ⾏, 長 and ⻑) back to the
/// radical's code point, so text copied or searched in the PDF reads 「⾏政改⾰」. This rewrites each font's
/// ToUnicode map so such glyphs map to the ideograph, appended as an incremental update: the original bytes are
/// kept and only the CMap objects are superseded.
/// </summary>
public static partial class ToUnicodeNormalizer
{
    public static byte[] Normalize(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var objectNumbers = ToUnicodeReference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        var startXref = StartXref().Matches(text).LastOrDefault();
        var trailer = PdfSyntax.Trailer().Matches(text).LastOrDefault();
        if (objectNumbers.Count == 0 || startXref is null || trailer is null)
        {
            return pdf;
        }

        using var output = new MemoryStream();
        output.Write(pdf);
        if (pdf[^1] != '\n')
        {
            output.WriteByte((byte)'\n');
        }

        // One pass to find every object, rather than one search of the whole file per font.
        var objects = new Dictionary<int, int>();
        foreach (Match m in ObjectStart().Matches(text))
        {
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = m.Index;
        }

        var offsets = new SortedDictionary<int, long>();
        foreach (var number in objectNumbers)
        {
            var cmap = objects.TryGetValue(number, out var at) ? ReadStream(text, pdf, at) : null;
            if (cmap is null)
            {
                continue;
            }

            var fixedCmap = Rewrite(cmap);
            if (fixedCmap == cmap)
            {
                continue;
            }

            var compressed = PdfSyntax.Deflate(Encoding.Latin1.GetBytes(fixedCmap));
            offsets[number] = output.Position;
            PdfSyntax.Write(output, $"{number} 0 obj\n<</Filter /FlateDecode /Length {compressed.Length}>>\nstream\n");
            output.Write(compressed);
            PdfSyntax.Write(output, "\nendstream\nendobj\n");
        }

        if (offsets.Count == 0)
        {
            return pdf;
        }

        var xrefOffset = output.Position;
        var xref = new StringBuilder("xref\n");
        foreach (var (number, offset) in offsets)
        {
            xref.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        var trailerDict = trailer.Groups[1].Value;
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<<{trailerDict.Trim()}\n/Prev {startXref.Groups[1].Value}>>\nstartxref\n{xrefOffset}\n%%EOF\n");
        PdfSyntax.Write(output, xref.ToString());
        return output.ToArray();
    }

    /// <summary>Rewrites a ToUnicode CMap with every radical destination replaced by its ideograph.</summary>
    public static string Rewrite(string cmap)
    {
        ArgumentNullException.ThrowIfNull(cmap);
        var mappings = Mappings(cmap, out var codeDigits);
        return mappings.Values.Any(v => v.Any(c => Preferred(c) != c)) ? WriteCMap(cmap, mappings, codeDigits) : cmap;
    }

    /// <summary>A CMap's code → text mappings (bfchar and bfrange), and how many hex digits its codes have.</summary>
    internal static SortedDictionary<int, string> Mappings(string cmap, out int codeDigits)
    {
        var mappings = new SortedDictionary<int, string>();
        codeDigits = 4;
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
            {
                codeDigits = pair.Groups[1].Length;
                mappings[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in HexRange().Matches(block.Groups[1].Value))
            {
                codeDigits = range.Groups[1].Length;
                var low = Hex(range.Groups[1].Value);
                var high = Hex(range.Groups[2].Value);
                if (range.Groups[3].Success)
                {
                    var start = Utf16(range.Groups[3].Value);
                    for (var code = low; code <= high; code++)
                    {
                        mappings[code] = start[..^1] + (char)(start[^1] + (code - low));
                    }
                }
                else
                {
                    var items = HexItem().Matches(range.Groups[4].Value).Select(m => Utf16(m.Groups[1].Value)).ToList();
                    for (var code = low; code <= high && code - low < items.Count; code++)
                    {
                        mappings[code] = items[code - low];
                    }
                }
            }
        }

        return mappings;
    }

    /// <summary><paramref name="cmap"/>'s header with <paramref name="mappings"/> as bfchar entries, radicals made ideographs.</summary>
    internal static string WriteCMap(string cmap, SortedDictionary<int, string> mappings, int codeDigits)
    {
        var head = cmap[..cmap.IndexOf("endcodespacerange", StringComparison.Ordinal)] + "endcodespacerange\n";
        var body = new StringBuilder(head);
        foreach (var chunk in mappings.Chunk(100))
        {
            body.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (code, value) in chunk)
            {
                var mapped = string.Concat(value.Select(Preferred));
                body.Append('<').Append(code.ToString($"X{codeDigits}", CultureInfo.InvariantCulture)).Append("> <")
                    .Append(string.Concat(mapped.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))).Append(">\n");
            }

            body.Append("endbfchar\n");
        }

        body.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return body.ToString();
    }

    /// <summary>
    /// The character Japanese text means by a glyph the font shares between several code points: the ideograph
    /// rather than the radical, and the forms Japanese input produces (・ U+30FB, ～ U+FF5E, 戸 U+6238) rather than
    /// the lower code points Chromium picks (‧ U+2027, 〜 U+301C, 戶 U+6236).
    /// </summary>
    public static char Preferred(char c) => c switch
    {
        '\u2027' => '\u30FB',
        '\u301C' => '\uFF5E',
        '\u6236' => '\u6238',
        _ => RadicalEquivalents.Map.TryGetValue(c, out var ideograph) ? ideograph : c,
    };

    private static string? ReadStream(string text, byte[] pdf, int objectStart)
    {
        var header = StreamHeader().Match(text, objectStart, Math.Min(2048, text.Length - objectStart));
        if (!header.Success)
        {
            return null;
        }

        var length = PdfSyntax.LengthEntry().Match(header.Groups[1].Value);
        if (!length.Success || !header.Groups[1].Value.Contains("/FlateDecode", StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = pdf.AsSpan(header.Index + header.Length, int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        using var input = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.Latin1);
        return reader.ReadToEnd();
    }



    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var chars = new char[hex.Length / 4];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)Hex(hex.Substring(i * 4, 4));
        }

        return new string(chars);
    }

    [GeneratedRegex(@"(?<=[\r\n])(\d+) 0 obj\b")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"\G\d+ 0 obj\s*<<(.*?)>>\s*stream\r?\n", RegexOptions.Singleline)]
    private static partial Regex StreamHeader();

    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")]
    private static partial Regex ToUnicodeReference();

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXref();



    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[(.*?)\])", RegexOptions.Singleline)]
    private static partial Regex HexRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex HexItem();
}
