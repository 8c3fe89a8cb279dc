namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// A built page (ADR 0036): its content stream (compressed), the glyphs it uses per weight, its structure and
/// bookmarks. Immutable and free of object numbers: the same page can be cached and written into any number of
/// documents, at any position, from several threads at once.
/// </summary>
public sealed class PdfPage
{
    internal PdfPage(
        double width,
        double height,
        byte[] content,
        int[][] glyphs,
        (int Glyph, int CodePoint)[][] unicode,
        PageElement[] elements,
        int[] mcidOwners,
        PdfBookmark[] bookmarks)
    {
        Width = width;
        Height = height;
        Content = content;
        Glyphs = glyphs;
        Unicode = unicode;
        Elements = elements;
        McidOwners = mcidOwners;
        Bookmarks = bookmarks;
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The bookmarks that lead to this page, in the order they were added.</summary>
    public IReadOnlyList<PdfBookmark> Bookmarks { get; }

    /// <summary>The number of marked contents (MCIDs 0..n-1) on the page.</summary>
    public int MarkedContentCount => McidOwners.Length;

    /// <summary>The size of the compressed content stream, in bytes (what the page adds to a document, fonts aside).</summary>
    public int ContentLength => Content.Length;

    /// <summary>The content stream, Flate-compressed; fonts named /F1 (regular) and /F2 (bold).</summary>
    internal byte[] Content { get; }

    /// <summary>The glyph ids drawn, per weight (index 0 regular, 1 bold), ascending.</summary>
    internal int[][] Glyphs { get; }

    /// <summary>The character each glyph drawn stands for, per weight, by glyph id ascending.</summary>
    internal (int Glyph, int CodePoint)[][] Unicode { get; }

    /// <summary>The page's structure elements, element 0 its Sect.</summary>
    internal PageElement[] Elements { get; }

    /// <summary>The element owning each marked content, by MCID.</summary>
    internal int[] McidOwners { get; }

    /// <summary>
    /// The page's structure elements as last written (an object stream, compressed), and the page object number
    /// they were numbered from: the same page written again at the same number (the booklet rewritten with another
    /// sheet changed) reuses them. Replaced whole, so readers on other threads see one or the other.
    /// </summary>
    internal PageElementStream? LastElements { get; set; }
}

/// <summary>A page's structure elements written as an object stream for page object <paramref name="PageNumber"/>.</summary>
internal sealed record PageElementStream(int PageNumber, int[] Numbers, byte[] Header, byte[] Data);

/// <summary>An outline entry: level 1 at the top, level 2 under the last level 1 before it.</summary>
/// <param name="Title">What the reader's bookmark pane shows.</param>
/// <param name="Level">1 at the top, 2 under the last level 1.</param>
/// <param name="Y">From the page's top, in points.</param>
public sealed record PdfBookmark(string Title, int Level, double Y);

/// <summary>
/// One structure element of a page: its parent (-1 for the page's Sect), its kids in order (n ≥ 0 an MCID, ~i the
/// page's element i), its dictionary entries that need no object number (/S, /A, /ID), and its /ID for the IDTree.
/// </summary>
internal sealed record PageElement(int Parent, int[] Kids, byte[] Attributes, string? Id);
