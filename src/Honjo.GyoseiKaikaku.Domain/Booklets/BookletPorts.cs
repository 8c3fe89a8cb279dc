using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Booklets;

/// <summary>Which booklet of an edition: the plan as published (year rows empty), or with the year's results.</summary>
public enum BookletStage
{
    /// <summary>The sheets with the edition year's accepted reports (the results booklet, and every preview).</summary>
    Results,

    /// <summary>計画の公表: the sheets with the edition year's report rows empty; earlier years' grades shown.</summary>
    Plan,
}

/// <summary>Reads an edition's booklet content (accepted year-end results only).</summary>
public interface IBookletReader
{
    Task<BookletDocument?> ReadAsync(FiscalYear year, CancellationToken cancellationToken) => ReadAsync(year, BookletStage.Results, cancellationToken);

    Task<BookletDocument?> ReadAsync(FiscalYear year, BookletStage stage, CancellationToken cancellationToken);
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
