using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// Lays out the booklet's pages the way Print.cshtml, _SheetBody.cshtml, booklet.css and sheet.css print them (ADR
/// 0036): the cover, the 目次 pages as BookletContents cut them, one sheet per page shrunk to fit, the page number at
/// the foot. Each page is built on its own, so an unchanged sheet's page can be reused.
/// </summary>
public sealed class BookletPdfLayout(FontFamily fonts)
{
    public FontFamily Fonts { get; } = fonts;

    public PdfPage Cover(BookletDocument booklet) => throw new NotImplementedException("helper-layout");

    /// <summary>The <paramref name="index"/>-th 目次 page (0-based).</summary>
    public PdfPage ContentsPage(BookletDocument booklet, int index) => throw new NotImplementedException("helper-layout");

    /// <summary>A sheet's page; <paramref name="firstOfField"/> adds the field's heading and bookmark.</summary>
    public PdfPage Sheet(BookletDocument booklet, BookletField field, BookletSheet sheet, bool firstOfField) =>
        throw new NotImplementedException("helper-layout");
}
