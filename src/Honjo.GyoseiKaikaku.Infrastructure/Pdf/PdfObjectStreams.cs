using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>
/// Rewrites a PDF so that its small dictionaries are compressed in object streams (PDF 1.5) behind a cross-reference
/// stream. Chromium writes PDF 1.4: each of the tagged structure's elements (about 140 a sheet, the screen reader's
/// view of the booklet) is an uncompressed object of its own, which was half of the file. Every object keeps its
/// number and content; streams (page contents, fonts), pages, the page tree and the catalog stay as they were, so
/// only how the objects are stored changes. Incremental updates (<see cref="ToUnicodeNormalizer"/>) are folded in: the
/// last definition of an object wins. A file this cannot read safely is returned unchanged.
/// </summary>
public static partial class PdfObjectStreams
{
    private const int ObjectsPerStream = 200;

    public static byte[] Pack(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var objects = ReadObjects(text);
        var trailer = PdfSyntax.Trailer().Matches(text).LastOrDefault();
        var root = trailer is null ? null : RootEntry().Match(trailer.Groups[1].Value);
        if (objects is null || objects.Count == 0 || root is not { Success: true })
        {
            return pdf;
        }

        var trailerDict = trailer!.Groups[1].Value;
        var info = InfoEntry().Match(trailerDict);
        var id = IdEntry().Match(trailerDict);

        using var output = new MemoryStream(pdf.Length / 2);
        PdfSyntax.Write(output, "%PDF-1.5\n%\u00E2\u00E3\u00CF\u00D3\n");
        var maxNumber = objects.Keys.Max();
        var xrefNumber = maxNumber + 1;
        var offsets = new Dictionary<int, long>();
        var packed = new Dictionary<int, (int Stream, int Index)>();
        var pending = new List<(int Number, string Body)>();
        var nextStreamNumber = xrefNumber + 1;
        var streamNumbers = new List<int>();

        foreach (var (number, body) in objects.OrderBy(o => o.Key))
        {
            if (body.IsStream || Unpackable().IsMatch(body.Text) || number == InfoNumber(info))
            {
                offsets[number] = output.Position;
                PdfSyntax.Write(output, $"{number} 0 obj\n");
                output.Write(pdf, body.Start, body.Length);
                PdfSyntax.Write(output, "\nendobj\n");
            }
            else
            {
                pending.Add((number, body.Text.Trim()));
            }
        }

        foreach (var chunk in pending.Chunk(ObjectsPerStream))
        {
            var streamNumber = nextStreamNumber++;
            streamNumbers.Add(streamNumber);
            var header = new StringBuilder();
            var content = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                header.Append(CultureInfo.InvariantCulture, $"{chunk[i].Number} {content.Length} ");
                content.Append(chunk[i].Body).Append('\n');
                packed[chunk[i].Number] = (streamNumber, i);
            }

            var head = header.Append('\n').ToString();
            var data = PdfSyntax.Deflate(Encoding.Latin1.GetBytes(head + content));
            offsets[streamNumber] = output.Position;
            PdfSyntax.Write(output, $"{streamNumber} 0 obj\n<</Type /ObjStm /N {chunk.Length} /First {head.Length} /Filter /FlateDecode /Length {data.Length}>>\nstream\n");
            output.Write(data);
            PdfSyntax.Write(output, "\nendstream\nendobj\n");
        }

        // The cross-reference stream: type 0 free, 1 at an offset, 2 inside an object stream. It is the last object.
        var size = nextStreamNumber;
        var xrefOffset = output.Position;
        offsets[xrefNumber] = xrefOffset;
        var rows = new byte[size * 7];
        for (var n = 0; n < size; n++)
        {
            var row = rows.AsSpan(n * 7, 7);
            if (offsets.TryGetValue(n, out var offset))
            {
                row[0] = 1;
                WriteBigEndian(row.Slice(1, 4), (uint)offset);
            }
            else if (packed.TryGetValue(n, out var at))
            {
                row[0] = 2;
                WriteBigEndian(row.Slice(1, 4), (uint)at.Stream);
                row[5] = (byte)(at.Index >> 8);
                row[6] = (byte)at.Index;
            }
            else
            {
                row[5] = 0xFF;
                row[6] = 0xFF;
            }
        }

        var xref = PdfSyntax.Deflate(rows);
        var extra = (info.Success ? $" /Info {info.Groups[1].Value} 0 R" : string.Empty) + (id.Success ? " " + id.Value : string.Empty);
        PdfSyntax.Write(output, $"{xrefNumber} 0 obj\n<</Type /XRef /Size {size} /W [1 4 2] /Root {root.Groups[1].Value} 0 R{extra} /Filter /FlateDecode /Length {xref.Length}>>\nstream\n");
        output.Write(xref);
        PdfSyntax.Write(output, $"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();
    }

    private static int InfoNumber(Match info) =>
        info.Success ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    /// <summary>Every object's last definition: where its body (between "obj" and "endobj") is, and whether it is a stream.</summary>
    private static Dictionary<int, ObjectBody>? ReadObjects(string text)
    {
        var objects = new Dictionary<int, ObjectBody>();
        var position = 0;
        while (true)
        {
            var start = ObjectStart().Match(text, position);
            if (!start.Success)
            {
                return objects;
            }

            if (start.Groups[2].Value != "0")
            {
                return null;
            }

            var number = int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);
            var bodyStart = start.Index + start.Length;
            var end = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
            var stream = StreamKeyword().Match(text, bodyStart);
            if (end < 0)
            {
                return null;
            }

            if (stream.Success && stream.Index < end)
            {
                // Skip the stream's data by its length: binary data may hold anything, "endobj" included.
                var dictionary = text[bodyStart..stream.Index];
                var length = PdfSyntax.LengthEntry().Match(dictionary);
                if (!length.Success)
                {
                    return null;
                }

                var dataEnd = stream.Index + stream.Length + int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
                end = text.IndexOf("endobj", dataEnd, StringComparison.Ordinal);
                if (end < 0 || text.IndexOf("endstream", dataEnd, StringComparison.Ordinal) is var endStream && (endStream < 0 || endStream > end))
                {
                    return null;
                }

                objects[number] = new ObjectBody(bodyStart, end - bodyStart, true, dictionary);
            }
            else
            {
                objects[number] = new ObjectBody(bodyStart, end - bodyStart, false, text[bodyStart..end]);
            }

            position = end + "endobj".Length;
        }
    }

    private static void WriteBigEndian(Span<byte> target, uint value)
    {
        target[0] = (byte)(value >> 24);
        target[1] = (byte)(value >> 16);
        target[2] = (byte)(value >> 8);
        target[3] = (byte)value;
    }



    private sealed record ObjectBody(int Start, int Length, bool IsStream, string Text);

    [GeneratedRegex(@"(?<![0-9])(\d+) (\d+) obj\b")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"stream\r?\n")]
    private static partial Regex StreamKeyword();


    // Kept as plain objects: the catalog, the page tree and the pages (a reader that counts pages by their
    // objects still can), and anything with an encryption or cross-reference role.
    [GeneratedRegex(@"/Type\s*/(Catalog|Pages?|XRef|ObjStm)(?![A-Za-z])")]
    private static partial Regex Unpackable();


    [GeneratedRegex(@"/Root (\d+) 0 R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info (\d+) 0 R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
