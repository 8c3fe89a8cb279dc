using System.Security.Cryptography;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// Writes built pages into one tagged PDF 1.7 (ADR 0036): one Type0/CIDFontType2 font per weight for the whole
/// document (an Identity-H subset with /W and a ToUnicode CMap), the structure tree (Document → each page's Sect →
/// its elements, with the ParentTree and an IDTree), /MarkInfo, /Lang, the title shown as the window title, and the
/// bookmarks. Structure elements, outline entries and font dictionaries are stored in compressed object streams
/// behind a cross-reference stream; content streams come compressed from <see cref="PdfPageBuilder.Build"/>.
/// </summary>
public static class TaggedPdfWriter
{
    public const string Producer = "Honjo.GyoseiKaikaku native PDF writer";

    private const int ObjectsPerStream = 200;



    // Fixed object numbers; fonts, pages, their elements and the outline entries follow.
    private const int CatalogNumber = 1;
    private const int PageTreeNumber = 2;
    private const int InfoNumber = 3;
    private const int StructTreeRootNumber = 4;
    private const int DocumentNumber = 5;
    private const int ParentTreeNumber = 6;
    private const int IdTreeNumber = 7;
    private const int OutlinesNumber = 8;
    private const int FirstFreeNumber = 9;

    public static byte[] Write(IReadOnlyList<PdfPage> pages, FontFamily fonts, string title, string language = "ja-JP")
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        if (pages.Count == 0)
        {
            throw new ArgumentException("A PDF needs at least one page.", nameof(pages));
        }

        var next = FirstFreeNumber;
        var fontsUsed = new List<DocumentFont>();
        for (var w = 0; w < 2; w++)
        {
            var font = DocumentFont.Collect(pages, w, fonts[w == 1 ? TextWeight.Bold : TextWeight.Regular], next);
            if (font is not null)
            {
                fontsUsed.Add(font);
                next += DocumentFont.ObjectCount;
            }
        }

        var pageNumbers = new int[pages.Count];
        for (var p = 0; p < pages.Count; p++)
        {
            pageNumbers[p] = next;
            next += 2 + pages[p].Elements.Length;
        }

        var outline = Outline.Collect(pages, next);
        next += outline.Count;
        var ids = CollectIds(pages, pageNumbers);

        var xref = new XrefTable(next);
        var output = new PdfBytes(1 << 20);
        output.Append("%PDF-1.7\n%").Append([0xE2, 0xE3, 0xCF, 0xD3]).Append('\n');

        // The catalog, the page tree, the information dictionary and the streams are plain objects.
        var catalog = Begin(output, xref, CatalogNumber).Append("<</Type /Catalog /Pages ").AppendReference(PageTreeNumber)
            .Append(" /StructTreeRoot ").AppendReference(StructTreeRootNumber)
            .Append(" /MarkInfo <</Marked true>> /Lang ").AppendTextString(language)
            .Append(" /ViewerPreferences <</DisplayDocTitle true>>");
        if (outline.Count > 0)
        {
            catalog.Append(" /Outlines ").AppendReference(OutlinesNumber).Append(" /PageMode /UseOutlines");
        }

        End(catalog.Append(">>"));
        Begin(output, xref, PageTreeNumber).Append("<</Type /Pages /Count ").Append(pages.Count).Append(" /Kids [");
        foreach (var number in pageNumbers)
        {
            output.AppendReference(number).Append(' ');
        }

        End(output.Append("]>>"));
        End(Begin(output, xref, InfoNumber).Append("<</Title ").AppendTextString(title).Append(" /Producer ").AppendTextString(Producer).Append(">>"));

        foreach (var font in fontsUsed)
        {
            font.WriteStreams(output, xref);
        }

        var fontResources = new PdfBytes(64).Append("<</Font <<");
        foreach (var font in fontsUsed)
        {
            fontResources.Append('/').Append(PdfPageBuilder.FontResourceNames[font.Weight]).Append(' ').AppendReference(font.Type0Number).Append(' ');
        }

        fontResources.Append(">> /ProcSet [/PDF /Text]>>");
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            Begin(output, xref, pageNumbers[p]).Append("<</Type /Page /Parent ").AppendReference(PageTreeNumber)
                .Append(" /MediaBox [0 0 ").AppendNumber(page.Width).Append(' ').AppendNumber(page.Height)
                .Append("] /Resources ").Append(fontResources.Span).Append(" /Contents ").AppendReference(pageNumbers[p] + 1)
                .Append(" /StructParents ").Append(p).Append(" /Tabs /S>>");
            End(output);
            WriteStream(output, xref, pageNumbers[p] + 1, page.Content, null);
        }

        // Everything else goes into object streams: the document's own objects, then each page's elements (composed
        // and compressed in parallel, a stream a page).
        var shared = new List<(int Number, byte[] Body)>
        {
            (StructTreeRootNumber, StructTreeRoot(pages.Count, ids.Count > 0)),
            (DocumentNumber, Document(pageNumbers)),
            (ParentTreeNumber, ParentTree(pages, pageNumbers)),
        };
        if (ids.Count > 0)
        {
            shared.Add((IdTreeNumber, IdTree(ids)));
        }

        foreach (var font in fontsUsed)
        {
            shared.AddRange(font.Dictionaries());
        }

        shared.AddRange(outline.Objects(pageNumbers, pages));
        var chunks = shared.Chunk(ObjectsPerStream).ToList();
        var streams = new (int[] Numbers, byte[] Header, byte[] Data)[chunks.Count + pages.Count];
        Parallel.For(0, streams.Length, s => streams[s] = s < chunks.Count
            ? ObjectStream([.. chunks[s].Select(o => o.Number)], [.. chunks[s].Select(o => o.Body)])
            : PageElements(pages[s - chunks.Count], pageNumbers[s - chunks.Count]));

        foreach (var (numbers, header, data) in streams)
        {
            if (numbers.Length == 0)
            {
                continue;
            }

            var streamNumber = xref.Add();
            for (var i = 0; i < numbers.Length; i++)
            {
                xref.Packed(numbers[i], streamNumber, i);
            }

            xref.Direct(streamNumber, output.Length);
            output.Append(streamNumber).Append(" 0 obj\n<</Type /ObjStm /N ").Append(numbers.Length).Append(" /First ").Append(header.Length)
                .Append(" /Filter /FlateDecode /Length ").Append(data.Length).Append(">>\nstream\n").Append(data).Append("\nendstream\nendobj\n");
        }

        WriteCrossReference(output, xref, DocumentId(pages, title));
        return output.ToArray();
    }

    private static PdfBytes Begin(PdfBytes output, XrefTable xref, int number)
    {
        xref.Direct(number, output.Length);
        return output.Append(number).Append(" 0 obj\n");
    }

    private static void End(PdfBytes output) => output.Append("\nendobj\n");

    internal static void WriteStream(PdfBytes output, XrefTable xref, int number, byte[] deflated, int? length1)
    {
        Begin(output, xref, number).Append("<</Filter /FlateDecode /Length ").Append(deflated.Length);
        if (length1 is { } l)
        {
            output.Append(" /Length1 ").Append(l);
        }

        output.Append(">>\nstream\n").Append(deflated).Append("\nendstream\nendobj\n");
    }

    private static byte[] StructTreeRoot(int pageCount, bool hasIds)
    {
        var body = new PdfBytes(128).Append("<</Type /StructTreeRoot /K ").AppendReference(DocumentNumber)
            .Append(" /ParentTree ").AppendReference(ParentTreeNumber).Append(" /ParentTreeNextKey ").Append(pageCount);
        if (hasIds)
        {
            body.Append(" /IDTree ").AppendReference(IdTreeNumber);
        }

        return body.Append(">>").ToArray();
    }

    private static byte[] Document(int[] pageNumbers)
    {
        var body = new PdfBytes(16 * pageNumbers.Length + 64).Append("<</S /Document /P ").AppendReference(StructTreeRootNumber).Append(" /K [");
        foreach (var number in pageNumbers)
        {
            body.AppendReference(number + 2).Append(' ');
        }

        return body.Append("]>>").ToArray();
    }

    /// <summary>The number tree from each page's /StructParents to the elements owning its MCIDs 0, 1, 2…</summary>
    private static byte[] ParentTree(IReadOnlyList<PdfPage> pages, int[] pageNumbers)
    {
        var body = new PdfBytes(1 << 16).Append("<</Nums [");
        for (var p = 0; p < pages.Count; p++)
        {
            body.Append(p).Append(" [");
            foreach (var owner in pages[p].McidOwners)
            {
                body.AppendReference(pageNumbers[p] + 2 + owner).Append(' ');
            }

            body.Append("]\n");
        }

        return body.Append("]>>").ToArray();
    }

    /// <summary>Every element's /ID, sorted (a name tree's keys are); the first element wins a repeated /ID.</summary>
    private static List<(string Id, int Number)> CollectIds(IReadOnlyList<PdfPage> pages, int[] pageNumbers)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            var elements = pages[p].Elements;
            for (var e = 0; e < elements.Length; e++)
            {
                if (elements[e].Id is { } id)
                {
                    ids.TryAdd(id, pageNumbers[p] + 2 + e);
                }
            }
        }

        return [.. ids.Select(i => (i.Key, i.Value)).OrderBy(i => i.Key, StringComparer.Ordinal)];
    }

    private static byte[] IdTree(List<(string Id, int Number)> ids)
    {
        var body = new PdfBytes(24 * ids.Count + 32).Append("<</Names [");
        foreach (var (id, number) in ids)
        {
            body.AppendTextString(id).Append(' ').AppendReference(number).Append('\n');
        }

        return body.Append("]>>").ToArray();
    }

    /// <summary>One page's structure elements, composed into an object stream and compressed.</summary>
    private static (int[] Numbers, byte[] Header, byte[] Data) PageElements(PdfPage page, int pageNumber)
    {
        // The stream depends only on the page and its object number: compressing it is most of the cost of writing
        // pages built before, so the last one is kept on the page.
        if (page.LastElements is { } last && last.PageNumber == pageNumber)
        {
            return (last.Numbers, last.Header, last.Data);
        }

        var written = ComposePageElements(page, pageNumber);
        page.LastElements = new PageElementStream(pageNumber, written.Numbers, written.Header, written.Data);
        return written;
    }

    private static (int[] Numbers, byte[] Header, byte[] Data) ComposePageElements(PdfPage page, int pageNumber)
    {
        var elements = page.Elements;
        var first = pageNumber + 2;
        var numbers = new int[elements.Length];
        var header = new PdfBytes(12 * elements.Length + 16);
        var content = new PdfBytes(96 * elements.Length + 16);
        for (var e = 0; e < elements.Length; e++)
        {
            var element = elements[e];
            numbers[e] = first + e;
            header.Append(numbers[e]).Append(' ').Append(content.Length).Append(' ');
            // /Type /StructElem is optional and left out: it would be an eighth of the structure's bytes.
            content.Append("<<").Append(element.Attributes).Append(" /P ")
                .AppendReference(element.Parent < 0 ? DocumentNumber : first + element.Parent)
                .Append(" /Pg ").AppendReference(pageNumber);
            if (element.Kids is [var only and >= 0])
            {
                content.Append(" /K ").Append(only);
            }
            else if (element.Kids.Length > 0)
            {
                content.Append(" /K [");
                for (var k = 0; k < element.Kids.Length; k++)
                {
                    var kid = element.Kids[k];
                    if (k > 0)
                    {
                        content.Append(' ');
                    }

                    if (kid >= 0)
                    {
                        content.Append(kid);
                    }
                    else
                    {
                        content.AppendReference(first + ~kid);
                    }
                }

                content.Append(']');
            }

            content.Append(">>\n");
        }

        header.Append('\n');
        var all = new PdfBytes(header.Length + content.Length).Append(header.Span).Append(content.Span);
        return (numbers, header.ToArray(), PdfPageBuilder.Deflate(all.Span));
    }

    private static (int[] Numbers, byte[] Header, byte[] Data) ObjectStream(int[] numbers, List<byte[]> bodies)
    {
        var header = new PdfBytes(12 * numbers.Length + 16);
        var content = new PdfBytes(bodies.Sum(b => b.Length + 1) + 16);
        for (var i = 0; i < numbers.Length; i++)
        {
            header.Append(numbers[i]).Append(' ').Append(content.Length).Append(' ');
            content.Append(bodies[i]).Append('\n');
        }

        header.Append('\n');
        var all = new PdfBytes(header.Length + content.Length).Append(header.Span).Append(content.Span);
        return (numbers, header.ToArray(), PdfPageBuilder.Deflate(all.Span));
    }

    /// <summary>The file identifier: a digest of the title and every page's content (the same document, the same id).</summary>
    private static string DocumentId(IReadOnlyList<PdfPage> pages, string title)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(title));
        foreach (var page in pages)
        {
            hash.AppendData(page.Content);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The cross-reference stream (type 0 free, 1 at an offset, 2 inside an object stream), the last object; its
    /// fields as wide as the largest value needs (offsets of a large booklet need 3 or 4 bytes, indexes 1).
    /// </summary>
    private static void WriteCrossReference(PdfBytes output, XrefTable xref, string id)
    {
        var number = xref.Add();
        var offset = output.Length;
        xref.Direct(number, offset);
        long largest2 = 0, largest3 = 0;
        for (var n = 0; n < xref.Count; n++)
        {
            var (_, field2, field3) = xref[n];
            largest2 = Math.Max(largest2, field2);
            largest3 = Math.Max(largest3, field3);
        }

        var width2 = Width(largest2);
        var width3 = Width(largest3);
        var rowLength = 1 + width2 + width3;
        var rows = new byte[xref.Count * rowLength];
        for (var n = 0; n < xref.Count; n++)
        {
            var row = rows.AsSpan(n * rowLength, rowLength);
            var (type, field2, field3) = xref[n];
            row[0] = type;
            BigEndian(row.Slice(1, width2), field2);
            BigEndian(row.Slice(1 + width2, width3), field3);
        }

        var data = PdfPageBuilder.Deflate(rows);
        output.Append(number).Append(" 0 obj\n<</Type /XRef /Size ").Append(xref.Count).Append(" /W [1 ").Append(width2).Append(' ').Append(width3)
            .Append("] /Root ").AppendReference(CatalogNumber).Append(" /Info ").AppendReference(InfoNumber)
            .Append(" /ID [<").Append(id).Append("> <").Append(id).Append(">]")
            .Append(" /Filter /FlateDecode /Length ").Append(data.Length).Append(">>\nstream\n").Append(data)
            .Append("\nendstream\nendobj\nstartxref\n").Append(offset).Append("\n%%EOF\n");

        static int Width(long largest)
        {
            var width = 1;
            while (largest >= 1L << (8 * width))
            {
                width++;
            }

            return width;
        }

        static void BigEndian(Span<byte> field, long value)
        {
            for (var i = field.Length - 1; i >= 0; i--)
            {
                field[i] = (byte)value;
                value >>= 8;
            }
        }
    }
}

/// <summary>Where each object is: at an offset in the file, or inside an object stream.</summary>
internal sealed class XrefTable(int count)
{
    private (byte Type, long Field2, int Field3)[] _entries = new (byte, long, int)[count];

    public int Count { get; private set; } = count;

    public (byte Type, long Field2, int Field3) this[int number] => number == 0 ? ((byte)0, 0L, 0xFFFF) : _entries[number];

    public int Add()
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        return Count++;
    }

    public void Direct(int number, long offset) => _entries[number] = (1, offset, 0);

    public void Packed(int number, int stream, int index) => _entries[number] = (2, stream, index);
}
