using System.Security.Cryptography;
using System.Text.Json;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;
using Microsoft.Extensions.Caching.Memory;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// The booklet's PDF laid out and written by the application (ADR 0036): the cover, the 目次 pages as BookletContents
/// cut them and one page per sheet, each built on its own (both cores) and written into one tagged PDF. A sheet's page
/// is kept by what it prints (its content, page number and headings), so a booklet in which one sheet changed lays out
/// that sheet only. No browser is involved: the booklet downloads even where Chromium is not installed.
/// </summary>
public sealed partial class NativeBookletPdfRenderer : IBookletPdfRenderer
{
    // A fiscal year is its code in the key (its Next/Previous would go on for ever).
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = false, Converters = { new FiscalYearAsCode() } };

    private readonly Lazy<BookletPdfLayout> _layout;
    private readonly MemoryCache _pages;

    private readonly ILogger _logger;

    public NativeBookletPdfRenderer(BookletPageCache cache, ILogger<NativeBookletPdfRenderer> logger)
        : this(cache, logger, Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts"))
    {
    }

    /// <param name="cache">The sheet pages kept (a singleton of its own: the application disposes it).</param>
    /// <param name="logger">Where each render's figures go (pages laid out and reused, time laying out and writing).</param>
    /// <param name="fontDirectory">Where NotoSansJP-Regular.ttf and NotoSansJP-Bold.ttf are (shipped with the application).</param>
    public NativeBookletPdfRenderer(BookletPageCache cache, ILogger<NativeBookletPdfRenderer> logger, string fontDirectory)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _logger = logger;
        _pages = cache.Pages;
        _layout = new(() => new BookletPdfLayout(FontFamily.Load(fontDirectory)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken) => RenderAsync(booklet, null, cancellationToken);

    public Task<byte[]> RenderAsync(BookletDocument booklet, IProgress<BookletProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        return Task.Run(() => Render(booklet, progress, cancellationToken), cancellationToken);
    }

    private byte[] Render(BookletDocument booklet, IProgress<BookletProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var layout = _layout.Value;
        var sheets = booklet.Fields.SelectMany(f => f.Sheets.Select((s, i) => (Field: f, Sheet: s, First: i == 0 && !booklet.IsSinglePlan))).ToList();
        var pages = new List<PdfPage>();
        if (!booklet.IsSinglePlan)
        {
            var frontKey = FrontKeyOf(booklet);
            if (!_pages.TryGetValue(frontKey, out PdfPage[]? front) || front is null)
            {
                front = [.. layout.Front(booklet)];
                _pages.Set(frontKey, front, new MemoryCacheEntryOptions { Size = front.Length, SlidingExpiration = TimeSpan.FromHours(1) });
            }

            pages.AddRange(front);
        }

        var sheetPages = new PdfPage[sheets.Count];
        var done = 0;
        var laidOut = 0;
        var step = Math.Max(1, sheets.Count / 50);
        Parallel.For(0, sheets.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (field, sheet, first) = sheets[i];
            var key = KeyOf(booklet, field, sheet, first);
            if (!_pages.TryGetValue(key, out PdfPage? page) || page is null)
            {
                page = layout.Sheet(booklet, field, sheet, first);
                Interlocked.Increment(ref laidOut);
                _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            }

            sheetPages[i] = page;
            var count = Interlocked.Increment(ref done);
            if (progress is not null && (count % step == 0 || count == sheets.Count))
            {
                progress.Report(new BookletProgress(count, sheets.Count, "シートを組版中"));
            }
        });
        pages.AddRange(sheetPages);

        if (pages.Count != booklet.PageCount)
        {
            throw new BookletPaginationException(
                $"PDFのページ数（{pages.Count}）が目次から決まるページ数（{booklet.PageCount}）と一致しないため、出力を中止しました。");
        }

        progress?.Report(new BookletProgress(sheets.Count, sheets.Count, "PDFにまとめています"));
        var laid = stopwatch.Elapsed.TotalMilliseconds;
        var pdf = TaggedPdfWriter.Write(pages, layout.Fonts, booklet.DocumentTitle);
        LogRendered(_logger, pages.Count, laidOut, sheets.Count - laidOut, pdf.Length / 1024, laid, stopwatch.Elapsed.TotalMilliseconds - laid);
        return pdf;
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Booklet PDF written: {Pages} pages ({LaidOut} sheets laid out, {Reused} reused), {Kb} KB; pages {PagesMs:F0} ms, writing {WriteMs:F0} ms.")]
    private static partial void LogRendered(ILogger logger, int pages, int laidOut, int reused, int kb, double pagesMs, double writeMs);

    /// <summary>What the cover and the 目次 print: the titles, and each field's and sheet's row with its page.</summary>
    private static string FrontKeyOf(BookletDocument booklet)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                booklet.OutlineTitle, booklet.EditionTitle, booklet.PeriodLabel, booklet.IssuedLabel, booklet.Theme,
                Fields = booklet.Fields.Select(f => new
                {
                    f.Title, f.Page,
                    Rows = f.Sheets.Select(s => new { Number = s.Number.ToString(), s.Name, s.ExecutingDepartmentsText, s.StartYear, s.EndYear, s.Page }),
                }),
            },
            KeyJson);
        return "front:" + Convert.ToHexString(SHA256.HashData(json));
    }

    /// <summary>What a sheet's page prints: the sheet (its page number included), its heading and theme, the field's heading.</summary>
    private static string KeyOf(BookletDocument booklet, BookletField field, BookletSheet sheet, bool firstOfField)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new { booklet.SheetHeading, booklet.Theme, booklet.IsSinglePlan, FieldTitle = field.Title, FirstOfField = firstOfField, Sheet = sheet }, KeyJson);
        return Convert.ToHexString(SHA256.HashData(json));
    }

    private sealed class FiscalYearAsCode : System.Text.Json.Serialization.JsonConverter<FiscalYear>
    {
        public override FiscalYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Keys are only written.");

        public override void Write(Utf8JsonWriter writer, FiscalYear value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}

/// <summary>The sheet pages the native renderer keeps, by what they print (ADR 0036).</summary>
public sealed class BookletPageCache : IDisposable
{
    /// <summary>Sheet pages kept: a large edition's, and the pages of a few earlier versions of an ordinary one.</summary>
    public const int KeptPages = 4096;

    public MemoryCache Pages { get; } = new(new MemoryCacheOptions { SizeLimit = KeptPages, CompactionPercentage = 0.25 });

    public void Dispose() => Pages.Dispose();
}
