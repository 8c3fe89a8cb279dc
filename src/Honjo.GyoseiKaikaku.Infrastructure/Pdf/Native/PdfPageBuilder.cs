namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// One element of the structure tree (what a screen reader walks): a standard role (Sect, H1, H2, P, Table, THead,
/// TBody, TR, TH, TD, L, LI, LBody, Span…), for a header cell its /ID and scope, for a data cell the /IDs of its headers.
/// </summary>
public sealed class StructureNode(string role)
{
    private readonly List<StructureNode> _children = [];

    public string Role { get; } = role;

    /// <summary>The element's /ID (a header cell's, named by the /Headers of the cells it heads). Unique in a document.</summary>
    public string? Id { get; init; }

    /// <summary>A header cell's /Scope: "Row", "Column" or "Both" (Table attributes).</summary>
    public string? Scope { get; init; }

    /// <summary>The /IDs of the header cells of a data cell (Table attribute /Headers).</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>A cell's /ColSpan when above 1.</summary>
    public int ColSpan { get; init; } = 1;

    public IReadOnlyList<StructureNode> Children => _children;

    /// <summary>Adds a child element and returns it.</summary>
    public StructureNode Add(StructureNode child)
    {
        _children.Add(child);
        return child;
    }

    public StructureNode Add(string role) => Add(new StructureNode(role));
}

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

    /// <summary>Millimetres to points.</summary>
    public static double Mm(double mm) => mm * 72 / 25.4;

    public FontFamily Fonts { get; } = fonts;

    public double Width { get; } = width;

    public double Height { get; } = height;

    /// <summary>The page's element in the document's structure tree (its children are the page's structure).</summary>
    public StructureNode Root { get; } = new("Sect");

    /// <summary>Draws <paramref name="text"/> (one line, no wrapping) as part of <paramref name="owner"/>'s content.</summary>
    public void Text(StructureNode? owner, double x, double baseline, string text, TextWeight weight, double size, PdfColor color) =>
        throw new NotImplementedException("helper-writer");

    /// <summary>Fills a rectangle (an artifact): a cell's background.</summary>
    public void Fill(double x, double y, double width, double height, PdfColor color) => throw new NotImplementedException("helper-writer");

    /// <summary>Strokes a straight line (an artifact): a cell's border, a rule.</summary>
    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color) => throw new NotImplementedException("helper-writer");

    /// <summary>A bookmark (outline entry) to this page at <paramref name="y"/>; level 1 a field, 2 a sheet under it.</summary>
    public void Bookmark(string title, int level, double y) => throw new NotImplementedException("helper-writer");

    public PdfPage Build() => throw new NotImplementedException("helper-writer");
}

/// <summary>A built page: its content (compressed), the glyphs it uses per weight, its structure and bookmarks.</summary>
public sealed class PdfPage
{
}

/// <summary>Writes built pages into one tagged PDF: fonts embedded once (a subset per weight), ToUnicode, the structure
/// tree (Document → each page's Sect), /MarkInfo, /Lang, the title shown as the window title, and the bookmarks.</summary>
public static class TaggedPdfWriter
{
    public static byte[] Write(IReadOnlyList<PdfPage> pages, FontFamily fonts, string title, string language = "ja-JP") =>
        throw new NotImplementedException("helper-writer");
}
