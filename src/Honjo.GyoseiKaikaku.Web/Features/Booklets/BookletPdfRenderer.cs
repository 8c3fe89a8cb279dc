using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>The page count of a rendered booklet differs from its 目次; the export is refused rather than published wrong.</summary>
public sealed class BookletPaginationException(string message) : Exception(message)
{
    public BookletPaginationException()
        : this("ページ数が目次と一致しません。")
    {
    }

    public BookletPaginationException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

public sealed record BookletPrintModel(BookletDocument Booklet, string Css, BookletPart? Part = null);

/// <summary>
/// A part of the booklet printed on its own (ADR 0021): the front matter (cover and 目次), or
/// <paramref name="SheetCount"/> sheets from the <paramref name="SheetStart"/>-th, whose first page is <paramref name="FirstPage"/>.
/// </summary>
public sealed record BookletPart(bool Front, int SheetStart, int SheetCount, int FirstPage);

/// <summary>One block of a 目次 page: a field's heading (「（続き）」 when it carries on) and the rows that page holds.</summary>
public sealed record ContentsBlockModel(BookletField Field, bool Continued, IReadOnlyList<BookletSheet> Sheets);

/// <summary>
/// Composes the booklet as HTML (cover, 目次, one sheet per page, using the screen's sheet partial) and prints it
/// with the PDF engine. Each sheet is shrunk to fit its A4 page; the final page count must equal what the 目次 says.
/// </summary>
public sealed class BookletPdfRenderer(
    RazorHtmlRenderer razor, IPdfEngine engine, IWebHostEnvironment environment, PdfPartCache cache, ILogger<BookletPdfRenderer> logger) : IBookletPdfRenderer
{
    /// <summary>At most this many parts: fewer, larger parts for a large edition (each part has a fixed cost).</summary>
    private const int MaxParts = 16;

    /// <summary>At least this many sheets a part: what one changed sheet makes print again.</summary>
    private const int MinSheetsPerPart = 8;

    // Shrinks every sheet that is taller than its printable page (A4 less margins and the footer), never cuts it.
    private const string FitScript = """
        () => {
            const available = (297 - 12 - 16) * 96 / 25.4;
            for (const sheet of document.querySelectorAll('.page--sheet .sheet')) {
                const height = sheet.getBoundingClientRect().height;
                if (height > available) {
                    sheet.style.zoom = String(Math.floor(available / height * 1000) / 1000);
                }
            }
        }
        """;

    private string? _css;

    public async Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var css = await CssAsync();
        var parts = Parts(booklet);
        var pdf = parts.Count == 1
            ? await engine.RenderAsync(new PdfRequest(await razor.RenderAsync(PrintView, new BookletPrintModel(booklet, css, booklet.IsSinglePlan ? parts[0] : null)), FitScript), cancellationToken)
            : await RenderInPartsAsync(booklet, css, parts, cancellationToken);

        var pages = PdfPages.Count(pdf);
        if (pages != booklet.PageCount)
        {
            throw new BookletPaginationException(
                $"PDFのページ数（{pages}）が目次から決まるページ数（{booklet.PageCount}）と一致しないため、出力を中止しました。");
        }

        return pdf;
    }

    private const string PrintView = "/Features/Booklets/Print.cshtml";

    /// <summary>
    /// The front matter, then runs of sheets: each part is printed by its own browser page (both cores) or taken from
    /// the cache when its HTML was printed before, and the parts are merged into one tagged PDF.
    /// </summary>
    private async Task<byte[]> RenderInPartsAsync(BookletDocument booklet, string css, IReadOnlyList<BookletPart> parts, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var htmls = new List<string>();
        foreach (var part in parts)
        {
            htmls.Add(await razor.RenderAsync(PrintView, new BookletPrintModel(booklet, css, part)));
        }

        var composed = stopwatch.ElapsedMilliseconds;

        // Without a browser, one refused print (one warning, ADR 0008) rather than one a part.
        if (engine.UnavailableReason() is not null)
        {
            await engine.RenderAsync(new PdfRequest(htmls[0], FitScript, Pack: false), cancellationToken);
        }

        var reused = 0;
        var pdfs = await Task.WhenAll(htmls.Select(async html =>
        {
            var key = PdfPartCache.KeyOf(html, FitScript);
            if (cache.TryGet(key) is { } cached)
            {
                Interlocked.Increment(ref reused);
                return cached;
            }

            var rendered = await engine.RenderAsync(new PdfRequest(html, FitScript, Pack: false), cancellationToken);
            cache.Add(key, rendered);
            return rendered;
        }));
        var printed = stopwatch.ElapsedMilliseconds;

        var sheetHeadings = booklet.Sheets.Select(s => $"{s.Number} {s.Name}").ToHashSet(StringComparer.Ordinal);
        var merged = TaggedPdfMerger.Merge(pdfs, sheetHeadings.Contains);
        logger.LogInformation(
            "Booklet PDF in {Parts} parts ({Reused} reused): composed {Composed} ms, printed {Printed} ms, merged {Merged} ms, {Size} KB.",
            parts.Count, reused, composed, printed - composed, stopwatch.ElapsedMilliseconds - printed, merged.Length / 1024);
        return merged;
    }

    /// <summary>
    /// The parts a booklet prints in: one for a single plan (its footer numbered with the booklet page its header
    /// names, 「12頁」), else the front matter and runs of sheets.
    /// </summary>
    public static IReadOnlyList<BookletPart> Parts(BookletDocument booklet)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var sheets = booklet.Sheets.Count();
        if (booklet.IsSinglePlan || sheets == 0)
        {
            return [new BookletPart(false, 0, sheets, Math.Max(1, booklet.Sheets.FirstOrDefault()?.Page ?? 1))];
        }

        var perPart = Math.Max(MinSheetsPerPart, (sheets + MaxParts - 1) / MaxParts);
        var firstSheetPage = booklet.Contents.FirstSheetPage;
        return [new BookletPart(true, 0, 0, 1),
            .. Enumerable.Range(0, (sheets + perPart - 1) / perPart)
                .Select(i => new BookletPart(false, i * perPart, Math.Min(perPart, sheets - (i * perPart)), firstSheetPage + (i * perPart)))];
    }

    private async Task<string> CssAsync()
    {
        if (_css is not null)
        {
            return _css;
        }

        var parts = new List<string>();
        foreach (var name in new[] { "css/sheet.css", "css/booklet.css" })
        {
            var file = environment.WebRootFileProvider.GetFileInfo(name);
            await using var stream = file.CreateReadStream();
            using var reader = new StreamReader(stream);
            parts.Add(await reader.ReadToEndAsync());
        }

        return _css = string.Join('\n', parts);
    }
}
