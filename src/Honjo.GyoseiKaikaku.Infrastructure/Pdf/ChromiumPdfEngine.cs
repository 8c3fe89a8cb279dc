using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>Where the browser is, and how many renders may run at once.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>
    /// What makes the booklet's PDF (ADR 0036): <see cref="BookletPdfEngine.Native"/> (default) lays the pages out and
    /// writes the PDF in the application; <see cref="BookletPdfEngine.Chromium"/> prints the booklet's HTML in the
    /// browser, as before. Other PDFs (the summaries, the council's) are printed by the browser either way.
    /// </summary>
    public BookletPdfEngine BookletEngine { get; set; } = BookletPdfEngine.Native;

    /// <summary>Chromium or Edge. Default: /usr/bin/chromium on Linux, Microsoft Edge on Windows.</summary>
    public string? BrowserPath { get; set; }

    /// <summary>Renders beyond this wait in a queue rather than starting more browser pages.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>
    /// A booklet of more sheets than this is printed for memory rather than speed (ADR 0035): shorter print runs, one
    /// at a time, and the browser pages closed afterwards. Default 128: two runs' worth of an ordinary booklet.
    /// </summary>
    public int LargeDocumentSheets { get; set; } = 128;

    /// <summary>
    /// The fontconfig file given to the browser (Linux): the system's fonts plus Noto Sans JP in TrueType outlines,
    /// which Chromium embeds as one font subset per document instead of Type 3 fonts per page (ADR 0021).
    /// Default: Pdf/Fonts/fonts.conf beside the application. Empty: the system's fonts only.
    /// </summary>
    public string? FontConfigFile { get; set; }

    public string? ResolveFontConfigFile() =>
        FontConfigFile is { } configured ? (configured.Length > 0 ? configured : null)
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "fonts.conf"))
            ? Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "fonts.conf")
            : null;

    public string ResolveBrowserPath() =>
        BrowserPath is { Length: > 0 } path ? path
        : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"
        : "/usr/bin/chromium";
}

/// <summary>What makes the booklet's PDF (ADR 0036).</summary>
public enum BookletPdfEngine
{
    /// <summary>The application lays out the pages and writes the tagged PDF itself.</summary>
    Native,

    /// <summary>The browser prints the booklet's HTML.</summary>
    Chromium,
}

/// <summary>The PDF engine cannot run here; the message says what the administrator must install.</summary>
public sealed class PdfEngineUnavailableException : Exception
{
    public PdfEngineUnavailableException(string message)
        : base(message)
    {
    }

    public PdfEngineUnavailableException()
    {
    }

    public PdfEngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// HTML to print; page size, margins and page numbers come from its CSS (@page and its margin boxes). A request
/// with <paramref name="Pack"/> false gets Chromium's PDF 1.4 file (for <see cref="TaggedPdfMerger"/>) rather than
/// the packed one.
/// </summary>
public sealed record PdfRequest(string Html, string? FitScript = null, bool Pack = true)
{
    /// <summary>
    /// The texts whose characters the PDF's fonts must draw (ADR 0033: the fonts are cut down to them); default the
    /// HTML. The print runs of one document name all of its parts, so they print with the same fonts.
    /// </summary>
    public IReadOnlyList<string>? FontTexts { get; init; }
}

/// <summary>Turns HTML into PDF.</summary>
public interface IPdfEngine
{
    Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken);

    /// <summary>Why PDFs cannot be made here (what to install), or null when the engine has what it needs. Cheap: starts nothing.</summary>
    string? UnavailableReason() => null;

    /// <summary>Lets go of what the engine keeps between renders (open browser pages) after a large document (ADR 0035).</summary>
    Task ReleaseIdlePagesAsync() => Task.CompletedTask;
}

/// <summary>Event ids of the PDF engine's log entries.</summary>
public static class PdfEvents
{
    /// <summary>The PDF engine cannot run (at start, and at each refused export).</summary>
    public static readonly Microsoft.Extensions.Logging.EventId Unavailable = new(3001, "PdfEngineUnavailable");
}

/// <summary>
/// HTML and CSS printed by headless Chromium through Playwright. One browser for the application's lifetime,
/// started on first use; renders reuse its open pages (one per concurrent render); concurrent renders beyond the cap
/// wait their turn.
/// </summary>
public sealed class ChromiumPdfEngine(IOptions<PdfOptions> options, ILogger<ChromiumPdfEngine> logger) : IPdfEngine, IAsyncDisposable
{
    private static readonly string[] BrowserArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", .. ChromiumMemoryArgs.Args,
    ];

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly Stack<(IBrowser Browser, IPage Page)> _idlePages = new();
    private bool _fontFound;
    private readonly PdfFontSubsets? _fontSubsets = PdfFontSubsets.In(Path.GetDirectoryName(options.Value.ResolveFontConfigFile()));

    public async Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browser = await BrowserAsync(cancellationToken);
        await _renders.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            page = await PageAsync(browser);
            var html = _fontSubsets is null ? request.Html : await _fontSubsets.PrepareAsync(page, request.Html, request.FontTexts);
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync(LoadFonts);
            if (request.FitScript is { } script)
            {
                await page.EvaluateAsync(script);
            }

            var laidOut = stopwatch.ElapsedMilliseconds;
            var pdf = await page.PdfAsync(new()
            {
                PreferCSSPageSize = true,
                PrintBackground = true,
                Outline = true,
                Tagged = true,
            });
            var printed = stopwatch.ElapsedMilliseconds;

            // A large document's DOM is let go before the page waits for the next render.
            if (request.Html.Length > LargeDocument)
            {
                await page.SetContentAsync(string.Empty);
            }

            ReturnPage(browser, page);
            page = null;
            var normalized = ToUnicodeNormalizer.Normalize(pdf);
            normalized = request.Pack ? PdfObjectStreams.Pack(normalized) : normalized;
            logger.LogInformation(
                "PDF rendered: layout {Layout} ms, print {Print} ms, text fix and packing {Fix} ms, {Size} KB.",
                laidOut, printed - laidOut, stopwatch.ElapsedMilliseconds - printed, normalized.Length / 1024);
            return normalized;
        }
        finally
        {
            // A page that failed is not reused.
            if (page is not null)
            {
                await page.CloseAsync();
            }

            _renders.Release();
        }
    }

    /// <summary>Every font face the document declares loaded (web fonts load only once text needs them), then all fonts ready.</summary>
    private const string LoadFonts = "() => Promise.all([...document.fonts].map(f => f.load())).then(() => document.fonts.ready)";

    /// <summary>HTML longer than this is cleared from its page after printing (memory held between renders).</summary>
    private const int LargeDocument = 2 * 1024 * 1024;

    /// <summary>
    /// An open page of <paramref name="browser"/>, reused across renders (ADR 0030): a new page costs a renderer
    /// process that loads the fonts again, which measured more than printing a part of eight sheets. At most
    /// <see cref="PdfOptions.MaxConcurrentRenders"/> pages are ever open, since each render holds one.
    /// </summary>
    private async Task<IPage> PageAsync(IBrowser browser)
    {
        lock (_idlePages)
        {
            while (_idlePages.TryPop(out var idle))
            {
                if (idle.Browser == browser && !idle.Page.IsClosed)
                {
                    return idle.Page;
                }
            }
        }

        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        return page;
    }

    /// <summary>
    /// Closes the pages no render holds (ADR 0035): their renderer processes end and the memory a large document grew
    /// them to goes back to the system. The next render opens a new page (a renderer start and the fonts once more).
    /// </summary>
    public async Task ReleaseIdlePagesAsync()
    {
        List<IPage> idle;
        lock (_idlePages)
        {
            idle = [.. _idlePages.Select(p => p.Page)];
            _idlePages.Clear();
        }

        foreach (var page in idle.Where(p => !p.IsClosed))
        {
            await page.CloseAsync();
        }

        logger.LogInformation("Closed {Pages} idle browser pages after a large document.", idle.Count);
    }

    private void ReturnPage(IBrowser browser, IPage page)
    {
        lock (_idlePages)
        {
            _idlePages.Push((browser, page));
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            var path = options.Value.ResolveBrowserPath();
            if (UnavailableReason() is { } reason)
            {
                logger.LogWarning(PdfEvents.Unavailable, "PDF export refused: {Reason}", reason);
                throw new PdfEngineUnavailableException(reason);
            }

            _playwright ??= await Playwright.CreateAsync();
            var stopwatch = Stopwatch.StartNew();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = BrowserArgs, Env = BrowserEnvironment() });
            logger.LogInformation("Started the PDF browser {Path} in {Elapsed} ms.", path, stopwatch.ElapsedMilliseconds);
            return _browser;
        }
        catch (PlaywrightException e)
        {
            logger.LogWarning(PdfEvents.Unavailable, e, "PDF export refused: the browser {Path} did not start.", options.Value.ResolveBrowserPath());
            throw new PdfEngineUnavailableException(
                $"PDFを作成するブラウザを起動できませんでした。管理者の方へ：Chromium（Debian: chromium）または Microsoft Edge が正しくインストールされているか確認してください。（{e.Message.Split('\n')[0]}）", e);
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>The application's environment, plus the PDF fonts' fontconfig file when there is one.</summary>
    private Dictionary<string, string> BrowserEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        if (options.Value.ResolveFontConfigFile() is { } fontConfig)
        {
            environment["FONTCONFIG_FILE"] = fontConfig;
        }

        return environment;
    }

    public string? UnavailableReason()
    {
        var path = options.Value.ResolveBrowserPath();
        if (!File.Exists(path))
        {
            return $"PDFを作成するブラウザが見つかりません（{path}）。管理者の方へ：Debian/Ubuntu では `apt-get install chromium fonts-noto-cjk`、Windows では Microsoft Edge をインストールするか、設定 Pdf:BrowserPath にブラウザのパスを指定してください。";
        }

        return HasJapaneseFont() ? null : "日本語フォントが見つかりません。管理者の方へ：`apt-get install fonts-noto-cjk` を実行してください。";
    }

    /// <summary>On Linux, a PDF without a Japanese font would print boxes. Once found, not looked for again.</summary>
    private bool HasJapaneseFont()
    {
        if (_fontFound || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return true;
        }

        var fontDirs = new[] { "/usr/share/fonts", "/usr/local/share/fonts" };
        _fontFound = fontDirs.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Any(f => Path.GetFileName(f).Contains("CJK", StringComparison.OrdinalIgnoreCase)
                      || Path.GetFileName(f).Contains("ipaex", StringComparison.OrdinalIgnoreCase));
        return _fontFound;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _startLock.Dispose();
        _renders.Dispose();
    }
}

/// <summary>
/// Chromium switches that leave out processes a PDF print does not need (ADR 0035), each measured on one 1,008-plan
/// export: no spare renderer kept ready for the next navigation (a 75 MB process); no omnibox pop-up pages (Chromium
/// 15x opens two WebUI pages, chrome://omnibox-popup.top-chrome, in a renderer of their own for every window, that
/// is for every page we open: 120–150 MB each); the software GPU work (GPU disabled) in the browser process instead
/// of a process of its own (95 MB); and the network service (used for nothing: the HTML is set, not loaded) in the
/// browser process too (97 MB).
/// </summary>
internal static class ChromiumMemoryArgs
{
    /// <summary>
    /// What Playwright 1.64 passes in its own --disable-features and --enable-features. Chromium takes the last of
    /// each switch, so ours repeat Playwright's lists for them to stay in force.
    /// </summary>
    private static readonly string[] PlaywrightDisabled =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider", "GlobalMediaControls",
        "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
        "BlockOriginHeaderModificationOnRedirect", "AvoidCorsURLLoaderRestartOnRedirect", "Translate", "AutoDeElevate",
        "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    ];

    private static readonly string[] Disabled =
    [
        "SpareRendererForSitePerProcess", "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup",
    ];

    public static readonly string[] Args =
    [
        "--disable-features=" + string.Join(',', PlaywrightDisabled.Concat(Disabled)),
        "--enable-features=CDPScreenshotNewSurface,NetworkServiceInProcess2",
        "--in-process-gpu",
    ];
}
