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
    RazorHtmlRenderer razor, IPdfEngine engine, IWebHostEnvironment environment, PdfPartCache cache, ILogger<BookletPdfRenderer> logger,
    Microsoft.Extensions.Options.IOptions<PdfOptions> pdfOptions) : IBookletPdfRenderer
{
    /// <summary>At most this many parts: fewer, larger parts for a large edition (each part has a fixed cost).</summary>
    private const int MaxParts = 16;

    /// <summary>At least this many sheets a part: what one changed sheet makes print again.</summary>
    private const int MinSheetsPerPart = 4;

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

    public Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken) => RenderAsync(booklet, null, cancellationToken);

    /// <summary>The booklet's PDF; <paramref name="progress"/> hears of the sheets printed and of the merge (ADR 0032).</summary>
    public async Task<byte[]> RenderAsync(BookletDocument booklet, IProgress<BookletProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var css = await CssAsync();
        var plan = BookletPrintPlan.For(booklet.Sheets.Count(), pdfOptions.Value.LargeDocumentSheets);
        var parts = Parts(booklet, plan.MaxSheetsPerRun);
        var pdf = parts.Count == 1
            ? await engine.RenderAsync(new PdfRequest(await razor.RenderAsync(PrintView, new BookletPrintModel(booklet, css, booklet.IsSinglePlan ? parts[0] : null)), FitScript), cancellationToken)
            : await RenderInPartsAsync(booklet, css, parts, plan, new PartProgress(progress, booklet.Sheets.Count()), cancellationToken);

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
    /// The front matter, then runs of sheets: a part printed before (the same HTML) is taken from the cache; the parts
    /// that are not are printed in as few runs of consecutive parts as keep both cores busy (a print has a fixed cost,
    /// ADR 0030), and the cached parts and the runs, whole, are merged into one tagged PDF. A run of several parts is
    /// cut back into its parts for the cache beside the merge, not before it (ADR 0031); a render that starts before
    /// that is done waits for it before it looks in the cache.
    /// </summary>
    private async Task<byte[]> RenderInPartsAsync(BookletDocument booklet, string css, IReadOnlyList<BookletPart> parts, BookletPrintPlan plan, PartProgress progress, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        progress.Step("目次とシートを組版中");
        var htmls = new List<string>();
        foreach (var part in parts)
        {
            htmls.Add(await razor.RenderAsync(PrintView, new BookletPrintModel(booklet, css, part)));
        }

        var keys = htmls.Select(h => PdfPartCache.KeyOf(h, FitScript)).ToList();

        var composed = stopwatch.ElapsedMilliseconds;
        await cache.SettledAsync();
        var segments = new byte[]?[parts.Count];
        var missing = new List<int>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (cache.TryGet(keys[i]) is { } cached)
            {
                segments[i] = cached;
                progress.Printed(parts[i].SheetCount);
            }
            else
            {
                missing.Add(i);
            }
        }

        // Without a browser, one refused print (one warning, ADR 0008) rather than one a run.
        var runs = Runs(parts, missing, plan.MaxSheetsPerRun);
        if (runs.Count > 0 && engine.UnavailableReason() is not null)
        {
            await engine.RenderAsync(new PdfRequest(htmls[runs[0][0]], FitScript, Pack: false), cancellationToken);
        }

        var toCut = new List<(IReadOnlyList<int> Run, byte[] Pdf)>();
        await plan.ForEachRunAsync(runs, async run =>
        {
            var first = parts[run[0]];
            var last = parts[run[^1]];
            var spanning = run.Count == 1 ? first : new BookletPart(first.Front, first.Front ? 0 : first.SheetStart, last.SheetStart + last.SheetCount - (first.Front ? 0 : first.SheetStart), first.FirstPage);
            var html = run.Count == 1 ? htmls[run[0]] : await razor.RenderAsync(PrintView, new BookletPrintModel(booklet, css, spanning));
            var pdf = await engine.RenderAsync(new PdfRequest(html, FitScript, Pack: false) { FontTexts = htmls }, cancellationToken);

            // A run has printed: a single part is kept as it is; a longer run is merged whole (its first part's slot
            // holds it, the others are empty) and cut into its parts beside the merge.
            segments[run[0]] = pdf;
            if (run.Count == 1)
            {
                cache.Add(keys[run[0]], pdf);
            }
            else
            {
                lock (toCut)
                {
                    toCut.Add((run, pdf));
                }
            }

            progress.Printed(run.Sum(i => parts[i].SheetCount));
        });
        if (plan.ReleasePagesAfter && runs.Count > 0)
        {
            await engine.ReleaseIdlePagesAsync();
        }

        var printed = stopwatch.ElapsedMilliseconds;
        progress.Step("ページを結合中");

        // The runs are cut into parts beside the merge (it leaves a core free most of the time), not before it.
        if (toCut.Count > 0)
        {
            var pageCounts = parts.Select(p => PageCount(booklet, p)).ToList();
            cache.Track(Task.Run(() => CutIntoParts(toCut, pageCounts, keys), CancellationToken.None));
        }

        var sheetHeadings = booklet.Sheets.Select(s => $"{s.Number} {s.Name}").ToHashSet(StringComparer.Ordinal);
        var merged = TaggedPdfMerger.Merge(segments.OfType<byte[]>().ToList(), sheetHeadings.Contains);

        logger.LogInformation(
            "Booklet PDF in {Parts} parts ({Reused} reused, {Runs} print runs, one at a time: {OneAtATime}): composed {Composed} ms, printed {Printed} ms, merged {Merged} ms, {Size} KB.",
            parts.Count, parts.Count - missing.Count, runs.Count, plan.OneRunAtATime, composed, printed - composed, stopwatch.ElapsedMilliseconds - printed, merged.Length / 1024);
        return merged;
    }

    /// <summary>Tells the sheets printed (or reused) so far of the booklet's, from whichever print run ends (ADR 0032).</summary>
    private sealed class PartProgress(IProgress<BookletProgress>? progress, int total)
    {
        private int _done;

        public void Printed(int sheets) =>
            progress?.Report(new BookletProgress(Math.Min(total, Interlocked.Add(ref _done, sheets)), total, "シートを印刷中"));

        public void Step(string step) => progress?.Report(new BookletProgress(Math.Min(total, Volatile.Read(ref _done)), total, step));
    }

    /// <summary>
    /// Cuts each printed run back into its parts, as Chromium would have printed each part alone (ADR 0030), and keeps
    /// them under their parts' keys. A run that cannot be cut is not kept (a warning in the log): it prints again.
    /// </summary>
    private void CutIntoParts(List<(IReadOnlyList<int> Run, byte[] Pdf)> runs, List<int> pageCounts, List<string> keys) =>
        Parallel.ForEach(runs, item =>
        {
            var (run, pdf) = item;
            try
            {
                var pieces = TaggedPdfSplitter.Split(pdf, run.Select(i => pageCounts[i]).ToList());
                if (pieces is null)
                {
                    logger.LogWarning("A print run of {Parts} booklet parts could not be cut into parts; merged whole, not kept for reuse.", run.Count);
                    return;
                }

                for (var k = 0; k < run.Count; k++)
                {
                    cache.Add(keys[run[k]], pieces[k]);
                }
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException)
            {
                logger.LogWarning(e, "A print run of {Parts} booklet parts could not be cut into parts; not kept for reuse.", run.Count);
            }
        });

    /// <summary>
    /// The parts to print (<paramref name="missing"/>, ascending) grouped into runs of consecutive parts: as few runs
    /// as give each of the two cores one (ADR 0030), none longer than <paramref name="maxSheetsPerRun"/> sheets (a
    /// browser page holding more needs more memory than it saves, ADR 0031; fewer for a large booklet, ADR 0035).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Runs(IReadOnlyList<BookletPart> parts, IReadOnlyList<int> missing, int maxSheetsPerRun = BookletPrintPlan.SheetsPerRun)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(missing);
        var sheetsPerPart = Math.Max(1, parts.Max(p => p.SheetCount));
        var perRun = Math.Max(1, Math.Min((missing.Count + 1) / 2, maxSheetsPerRun / sheetsPerPart));
        var runs = new List<IReadOnlyList<int>>();
        var current = new List<int>();
        foreach (var index in missing)
        {
            if (current.Count > 0 && (current[^1] != index - 1 || current.Count == perRun))
            {
                runs.Add(current);
                current = [];
            }

            current.Add(index);
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }

    private static int PageCount(BookletDocument booklet, BookletPart part) =>
        (part.Front ? booklet.Contents.FirstSheetPage - 1 : 0) + part.SheetCount;

    /// <summary>
    /// The parts a booklet prints in: one for a single plan (its footer numbered with the booklet page its header
    /// names, 「12頁」), else the front matter and runs of sheets, none longer than <paramref name="maxSheetsPerPart"/>
    /// (a large booklet's print runs are shorter than its sixteenth, ADR 0035).
    /// </summary>
    public static IReadOnlyList<BookletPart> Parts(BookletDocument booklet, int maxSheetsPerPart = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var sheets = booklet.Sheets.Count();
        if (booklet.IsSinglePlan || sheets == 0)
        {
            return [new BookletPart(false, 0, sheets, Math.Max(1, booklet.Sheets.FirstOrDefault()?.Page ?? 1))];
        }

        var perPart = Math.Min(Math.Max(MinSheetsPerPart, (sheets + MaxParts - 1) / MaxParts), Math.Max(MinSheetsPerPart, maxSheetsPerPart));
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
