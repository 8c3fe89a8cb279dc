using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// Builds one page (ADR 0036): what is drawn, in the order it is drawn (that is the reading order of the text), with
/// its structure. Coordinates are in points from the page's top-left corner (y grows downwards), text is placed by its
/// baseline. Rules and fills are artifacts (not read aloud); text belongs to the structure element given.
/// <see cref="Build"/> gives an immutable page that does not depend on the document it ends up in (so it can be cached
/// and put in any booklet at any position).
/// </summary>
public sealed class PdfPageBuilder(FontFamily fonts, double width = PdfPageBuilder.A4Width, double height = PdfPageBuilder.A4Height)
{
    public const double A4Width = 595.2756;
    public const double A4Height = 841.8898;

    // The content stream's font resource names, the same on every page: /F1 the regular weight, /F2 the bold.
    internal static readonly string[] FontResourceNames = ["F1", "F2"];

    private readonly PdfBytes _content = new(16 * 1024);
    private readonly HashSet<int>[] _glyphs = [[], []];
    private readonly Dictionary<int, int>[] _unicode = [[], []];
    private readonly List<StructureNode> _mcidOwners = [];
    private readonly List<PdfBookmark> _bookmarks = [];
    private StructureNode? _openOwner;
    private bool _inArtifact;
    private PdfColor? _fill;
    private PdfColor? _stroke;
    private double _lineWidth = -1;

    /// <summary>Millimetres to points.</summary>
    public static double Mm(double mm) => mm * 72 / 25.4;

    public FontFamily Fonts { get; } = fonts;

    public double Width { get; } = width;

    public double Height { get; } = height;

    /// <summary>The page's element in the document's structure tree (its children are the page's structure).</summary>
    public StructureNode Root { get; } = new("Sect");

    /// <summary>
    /// Draws <paramref name="text"/> (one line, no wrapping) as part of <paramref name="owner"/>'s content, or as an
    /// artifact when <paramref name="owner"/> is null (the page number: drawn, read by text extraction, not tagged).
    /// Glyphs advance by the font's widths, moved by <paramref name="shifts"/> where given (TextLines.Shifts: before the
    /// character at Index the pen moves by Em, for pair kerning and trimmed punctuation; written as a TJ array);
    /// zero-width and format characters (U+200B…) draw nothing.
    /// </summary>
    public void Text(
        StructureNode? owner, double x, double baseline, string text, TextWeight weight, double size, PdfColor color,
        IReadOnlyList<(int Index, double Em)>? shifts = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shift = 0;
        var index = 0;
        var face = Fonts[weight];
        var w = weight == TextWeight.Bold ? 1 : 0;
        var glyphs = _glyphs[w];
        var unicode = _unicode[w];
        var started = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (!Drawn(rune))
            {
                continue;
            }

            var move = 0.0;
            while (shifts is not null && shift < shifts.Count && shifts[shift].Index <= at)
            {
                move += shifts[shift++].Em;
            }

            if (started && move != 0)
            {
                // TJ: a number moves the next glyph left by thousandths of the font size.
                _content.Append("> ").AppendNumber(-move * 1000).Append(" <");
            }

            if (!started)
            {
                started = true;
                if (owner is null)
                {
                    EnterArtifact();
                }
                else
                {
                    EnterContent(owner);
                }

                _content.Append("BT\n/").Append(FontResourceNames[w]).Append(' ').AppendNumber(size).Append(" Tf\n");
                SetFill(color);
                _content.AppendNumber(x).Append(' ').AppendNumber(Height - baseline).Append(" Td\n[<");
            }

            var glyph = face.GlyphOf(rune.Value);
            _content.AppendHex4(glyph);
            glyphs.Add(glyph);
            if (glyph != 0)
            {
                var codePoint = Readable(face, rune.Value, glyph);
                unicode[glyph] = unicode.TryGetValue(glyph, out var first) ? PreferredCharacter(first, codePoint) : codePoint;
            }
        }

        if (started)
        {
            _content.Append(">] TJ\nET\n");
        }
    }

    /// <summary>Fills a rectangle (an artifact): a cell's background.</summary>
    public void Fill(double x, double y, double width, double height, PdfColor color)
    {
        EnterArtifact();
        SetFill(color);
        _content.AppendNumber(x).Append(' ').AppendNumber(Height - y - height).Append(' ')
            .AppendNumber(width).Append(' ').AppendNumber(height).Append(" re f\n");
    }

    /// <summary>Strokes a straight line (an artifact): a cell's border, a rule.</summary>
    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color)
    {
        EnterArtifact();
        if (lineWidth != _lineWidth)
        {
            _lineWidth = lineWidth;
            _content.AppendNumber(lineWidth).Append(" w\n");
        }

        if (_stroke != color)
        {
            _stroke = color;
            AppendColor(color).Append(" RG\n");
        }

        _content.AppendNumber(x1).Append(' ').AppendNumber(Height - y1).Append(" m ")
            .AppendNumber(x2).Append(' ').AppendNumber(Height - y2).Append(" l S\n");
    }

    /// <summary>A bookmark (outline entry) to this page at <paramref name="y"/>; level 1 a field, 2 a sheet under it.</summary>
    public void Bookmark(string title, int level, double y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        _bookmarks.Add(new PdfBookmark(title, level, y));
    }

    /// <summary>
    /// The page as drawn so far: its content stream compressed, the glyphs it uses, its structure (a snapshot of
    /// <see cref="Root"/>'s tree) and bookmarks. The builder can go on drawing; the page does not change.
    /// </summary>
    public PdfPage Build()
    {
        var content = new PdfBytes(_content.Length + 16);
        content.Append(_content.Span);
        if (_openOwner is not null || _inArtifact)
        {
            content.Append("EMC\n");
        }

        var glyphs = new int[2][];
        var unicode = new (int Glyph, int CodePoint)[2][];
        for (var w = 0; w < 2; w++)
        {
            glyphs[w] = [.. _glyphs[w].Order()];
            unicode[w] = [.. _unicode[w].OrderBy(p => p.Key).Select(p => (p.Key, p.Value))];
        }

        var (elements, owners) = SnapshotStructure();
        return new PdfPage(Width, Height, Deflate(content.Span), glyphs, unicode, elements, owners, [.. _bookmarks]);
    }

    /// <summary>Of two characters drawn with one glyph, the one copied text should give: the ideograph rather than
    /// a radical that looks the same (Noto draws 行 and ⾏ alike), otherwise the first seen.</summary>
    internal static int PreferredCharacter(int first, int candidate) =>
        first != candidate && first <= char.MaxValue && RadicalEquivalents.Map.TryGetValue((char)first, out var ideograph) && ideograph == candidate
            ? candidate
            : first;

    /// <summary>What a glyph drawn for <paramref name="codePoint"/> should copy as: a radical drawn with its
    /// ideograph's glyph copies as the ideograph (text typed or pasted with ⾏ still searches as 行; see
    /// ToUnicodeNormalizer, which does the same for Chromium's PDFs).</summary>
    private static int Readable(FontFace face, int codePoint, int glyph) =>
        codePoint <= char.MaxValue && RadicalEquivalents.Map.TryGetValue((char)codePoint, out var ideograph) && face.GlyphOf(ideograph) == glyph
            ? ideograph
            : codePoint;

    /// <summary>A zlib stream (/FlateDecode) of <paramref name="data"/>, at zlib's default level (lower levels were
    /// measured to save little time on a thousand-page booklet's structure and cost up to 15 % in size).</summary>
    internal static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 3 + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static bool Drawn(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate => false,
        // Variation selectors pick a glyph form; the cmap gives them none of their own.
        UnicodeCategory.NonSpacingMark => rune.Value is not ((>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)),
        _ => true,
    };

    private void EnterContent(StructureNode owner)
    {
        if (ReferenceEquals(_openOwner, owner))
        {
            return;
        }

        if (_openOwner is not null || _inArtifact)
        {
            _content.Append("EMC\n");
            _inArtifact = false;
        }

        _openOwner = owner;
        _content.Append('/').Append(owner.Role).Append(" <</MCID ").Append(_mcidOwners.Count).Append(">> BDC\n");
        _mcidOwners.Add(owner);
    }

    private void EnterArtifact()
    {
        if (_inArtifact)
        {
            return;
        }

        if (_openOwner is not null)
        {
            _content.Append("EMC\n");
            _openOwner = null;
        }

        _inArtifact = true;
        _content.Append("/Artifact BMC\n");
    }

    private void SetFill(PdfColor color)
    {
        if (_fill != color)
        {
            _fill = color;
            AppendColor(color).Append(" rg\n");
        }
    }

    private PdfBytes AppendColor(PdfColor color) =>
        _content.AppendNumber(color.R / 255.0).Append(' ').AppendNumber(color.G / 255.0).Append(' ').AppendNumber(color.B / 255.0);

    /// <summary>
    /// The structure tree as it stands, flattened (element 0 the page's Sect): each element's parent, and its kids —
    /// its marked contents and its child elements merged in reading order (a child sits where its first content is).
    /// An element that owns content but was never added under <see cref="Root"/> is put under it, so no text is lost.
    /// </summary>
    private (PageElement[] Elements, int[] McidOwners) SnapshotStructure()
    {
        var index = new Dictionary<StructureNode, int>(ReferenceEqualityComparer.Instance);
        var nodes = new List<StructureNode>();
        var parents = new List<int>();
        var children = new List<List<int>>();

        void Visit(StructureNode node, int parent)
        {
            if (index.ContainsKey(node))
            {
                return;
            }

            var at = nodes.Count;
            index[node] = at;
            nodes.Add(node);
            parents.Add(parent);
            children.Add([]);
            if (parent >= 0)
            {
                children[parent].Add(at);
            }

            foreach (var child in node.Children)
            {
                Visit(child, at);
            }
        }

        Visit(Root, -1);
        foreach (var owner in _mcidOwners)
        {
            Visit(owner, 0);
        }

        var owners = _mcidOwners.Select(o => index[o]).ToArray();
        var own = new List<int>[nodes.Count];
        for (var mcid = 0; mcid < owners.Length; mcid++)
        {
            (own[owners[mcid]] ??= []).Add(mcid);
        }

        // The first marked content in each element's subtree (children come after their parents in this order).
        var first = new int[nodes.Count];
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            first[i] = own[i] is { Count: > 0 } mine ? mine[0] : int.MaxValue;
            foreach (var child in children[i])
            {
                first[i] = Math.Min(first[i], first[child]);
            }
        }

        var elements = new PageElement[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var kids = new List<int>();
            var mine = own[i] ?? [];
            var next = 0;
            foreach (var child in children[i])
            {
                while (next < mine.Count && mine[next] < first[child])
                {
                    kids.Add(mine[next++]);
                }

                kids.Add(~child);
            }

            while (next < mine.Count)
            {
                kids.Add(mine[next++]);
            }

            elements[i] = new PageElement(parents[i], [.. kids], Attributes(nodes[i]), nodes[i].Id);
        }

        return (elements, owners);
    }

    /// <summary>What an element's dictionary says that does not depend on object numbers: /S, /A, /ID.</summary>
    private static byte[] Attributes(StructureNode node)
    {
        var bytes = new PdfBytes(64);
        bytes.Append("/S /").Append(node.Role);
        if (node.Scope is not null || node.Headers.Count > 0 || node.ColSpan > 1)
        {
            bytes.Append(" /A <</O /Table");
            if (node.Scope is not null)
            {
                bytes.Append(" /Scope /").Append(node.Scope);
            }

            if (node.Headers.Count > 0)
            {
                bytes.Append(" /Headers [");
                foreach (var header in node.Headers)
                {
                    bytes.AppendTextString(header).Append(' ');
                }

                bytes.Append(']');
            }

            if (node.ColSpan > 1)
            {
                bytes.Append(" /ColSpan ").Append(node.ColSpan);
            }

            bytes.Append(">>");
        }

        if (node.Id is not null)
        {
            bytes.Append(" /ID ").AppendTextString(node.Id);
        }

        return bytes.ToArray();
    }
}
