using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Booklets;

/// <summary>Reads an edition's booklet content (accepted year-end results only).</summary>
public interface IBookletReader
{
    Task<BookletDocument?> ReadAsync(FiscalYear year, CancellationToken cancellationToken);
}

/// <summary>Writes a booklet (or one plan of it) as an Excel workbook.</summary>
public interface IBookletExcelWriter
{
    byte[] Write(BookletDocument booklet);
}

/// <summary>Renders a booklet (or one plan of it) as PDF.</summary>
public interface IBookletPdfRenderer
{
    Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken);
}
