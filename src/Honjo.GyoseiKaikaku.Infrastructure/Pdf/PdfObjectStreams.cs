using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>One indirect object: its body as text (a stream's dictionary only) and, for a stream, its raw data.</summary>
/// <param name="Text">The object's body between "obj" and "endobj", or a stream's dictionary.</param>
/// <param name="StreamData">From the "stream" keyword through "endstream", untouched; null for other objects.</param>
internal sealed record PdfObject(string Text, ReadOnlyMemory<byte>? StreamData);

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
        var file = PdfFile.Read(pdf);
        return file is null ? pdf : Write(file.Objects, file.Root, file.Info, file.Id);
    }

    /// <summary>Writes <paramref name="objects"/> as a PDF 1.5 file, small dictionaries in object streams.</summary>
    internal static byte[] Write(IReadOnlyDictionary<int, PdfObject> objects, int root, int? info, string? id)
    {
        using var output = new MemoryStream();
        PdfSyntax.Write(output, "%PDF-1.5\n%\u00E2\u00E3\u00CF\u00D3\n");
        var xrefNumber = objects.Keys.Max() + 1;
        var offsets = new Dictionary<int, long>();
        var packed = new Dictionary<int, (int Stream, int Index)>();
        var pending = new List<(int Number, string Body)>();
        var nextStreamNumber = xrefNumber + 1;

        foreach (var (number, body) in objects.OrderBy(o => o.Key))
        {
            if (body.StreamData is { } data)
            {
                offsets[number] = output.Position;
                PdfSyntax.Write(output, $"{number} 0 obj\n{body.Text.Trim()}\n");
                output.Write(data.Span);
                PdfSyntax.Write(output, "\nendobj\n");
            }
            else if (Unpackable().IsMatch(body.Text) || number == info)
            {
                offsets[number] = output.Position;
                PdfSyntax.Write(output, $"{number} 0 obj\n{body.Text.Trim()}\nendobj\n");
            }
            else
            {
                pending.Add((number, body.Text.Trim()));
            }
        }

        // Each object stream is composed and compressed on its own (in parallel, ADR 0031), then written in order.
        var chunks = pending.Chunk(ObjectsPerStream).ToList();
        var streams = new (string Head, byte[] Data)[chunks.Count];
        Parallel.For(0, chunks.Count, c =>
        {
            var chunk = chunks[c];
            var header = new StringBuilder();
            var content = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                header.Append(CultureInfo.InvariantCulture, $"{chunk[i].Number} {content.Length} ");
                content.Append(chunk[i].Body).Append('\n');
            }

            var head = header.Append('\n').ToString();
            streams[c] = (head, PdfSyntax.Deflate(Encoding.Latin1.GetBytes(head + content)));
        });

        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var streamNumber = nextStreamNumber++;
            for (var i = 0; i < chunk.Length; i++)
            {
                packed[chunk[i].Number] = (streamNumber, i);
            }

            var (head, data) = streams[c];
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
        var extra = (info is { } i2 ? $" /Info {i2} 0 R" : string.Empty) + (id is null ? string.Empty : " " + id);
        PdfSyntax.Write(output, $"{xrefNumber} 0 obj\n<</Type /XRef /Size {size} /W [1 4 2] /Root {root} 0 R{extra} /Filter /FlateDecode /Length {xref.Length}>>\nstream\n");
        output.Write(xref);
        PdfSyntax.Write(output, $"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();
    }

    private static void WriteBigEndian(Span<byte> target, uint value)
    {
        target[0] = (byte)(value >> 24);
        target[1] = (byte)(value >> 16);
        target[2] = (byte)(value >> 8);
        target[3] = (byte)value;
    }

    // Kept as plain objects: the catalog, the page tree and the pages (a reader that counts pages by their
    // objects still can), and anything with a cross-reference role.
    [GeneratedRegex(@"/Type\s*/(Catalog|Pages?|XRef|ObjStm)(?![A-Za-z])")]
    private static partial Regex Unpackable();
}

/// <summary>
/// A PDF as Chromium writes it (PDF 1.4, a cross-reference table, possibly incremental updates), read object by
/// object: the last definition of each wins. Null when the file is not of that simple kind.
/// </summary>
internal sealed partial record PdfFile(Dictionary<int, PdfObject> Objects, int Root, int? Info, string? Id)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], PdfFile> Parsed = new();

    /// <summary>
    /// <see cref="Read"/>, kept for as long as <paramref name="pdf"/> itself lives (ADR 0034): a cached part is merged
    /// again after every change of another, and a printed run is read by the merge and then by the cut. The file's
    /// objects are only read by its callers, never changed, and the bytes of a part are never changed either.
    /// </summary>
    public static PdfFile? ReadKept(byte[] pdf)
    {
        if (Parsed.TryGetValue(pdf, out var kept))
        {
            return kept;
        }

        var file = Read(pdf);
        if (file is not null)
        {
            Parsed.AddOrUpdate(pdf, file);
        }

        return file;
    }

    public static PdfFile? Read(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = PdfSyntax.Trailer().Matches(text).LastOrDefault();
        var root = trailer is null ? null : RootEntry().Match(trailer.Groups[1].Value);
        var objects = ReadObjects(pdf, text);
        if (objects is null || objects.Count == 0 || root is not { Success: true })
        {
            return null;
        }

        var info = InfoEntry().Match(trailer!.Groups[1].Value);
        var id = IdEntry().Match(trailer.Groups[1].Value);
        return new PdfFile(
            objects,
            int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture),
            info.Success ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            id.Success ? id.Value : null);
    }

    private static Dictionary<int, PdfObject>? ReadObjects(byte[] pdf, string text)
    {
        var objects = new Dictionary<int, PdfObject>();
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
            if (end < 0)
            {
                return null;
            }

            // Only up to the first "endobj": a stream keyword is before it (its data may hold "endobj" too).
            var stream = StreamKeyword().Match(text, bodyStart, end - bodyStart);

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
                var endStream = text.IndexOf("endstream", dataEnd, StringComparison.Ordinal);
                end = text.IndexOf("endobj", dataEnd, StringComparison.Ordinal);
                if (end < 0 || endStream < 0 || endStream > end)
                {
                    return null;
                }

                var tailEnd = endStream + "endstream".Length;
                objects[number] = new PdfObject(dictionary, pdf.AsMemory(stream.Index, tailEnd - stream.Index));
            }
            else
            {
                objects[number] = new PdfObject(text[bodyStart..end], null);
            }

            position = end + "endobj".Length;
        }
    }

    [GeneratedRegex(@"(?<![0-9])(\d+) (\d+) obj\b")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Root (\d+) 0 R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info (\d+) 0 R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
