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

/// <summary>
/// How far the making of a booklet has come, for the person waiting (ADR 0032): <paramref name="Done"/> of
/// <paramref name="Total"/> sheets written or printed, and the step under way in Japanese ("目次を作成中", "結合中").
/// </summary>
public sealed record BookletProgress(int Done, int Total, string Step);

/// <summary>Writes a booklet (or one plan of it) as an Excel workbook.</summary>
public interface IBookletExcelWriter
{
    byte[] Write(BookletDocument booklet);

    /// <summary>
    /// Writes the workbook, telling <paramref name="progress"/> (when given) as sheets are written; a writer that
    /// does not override it reports nothing.
    /// </summary>
    byte[] Write(BookletDocument booklet, IProgress<BookletProgress>? progress) => Write(booklet);
}

/// <summary>Renders a booklet (or one plan of it) as PDF.</summary>
public interface IBookletPdfRenderer
{
    Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken);

    /// <summary>
    /// Renders the booklet, telling <paramref name="progress"/> (when given) how far it is. The progress seam of
    /// ADR 0032: a renderer that reports nothing is still right (the waiting page then shows the time waited).
    /// </summary>
    Task<byte[]> RenderAsync(BookletDocument booklet, IProgress<BookletProgress>? progress, CancellationToken cancellationToken) =>
        RenderAsync(booklet, cancellationToken);
}
