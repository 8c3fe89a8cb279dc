using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>Noto Sans JP in both weights, cut down to one document's characters (ADR 0033).</summary>
public sealed record PdfFontSubset(string Key, byte[] Regular, byte[] Bold);

/// <summary>
/// Gives the PDF browser the bundled Noto Sans JP fonts pre-subset to each document's characters (ADR 0033): the
/// document's HTML gets an @font-face per weight under the family name its CSS asks for, at a URL holding the
/// subset's hash, which a route of the page answers. Chromium then loads ~0.6 MB a weight instead of 5.4 MB, and
/// prints with fewer glyphs to look through; the glyph ids, metrics and layout tables are the whole font's, so the
/// text is laid out and embedded the same. Subsets are kept by character set (the last few documents).
/// </summary>
public sealed class PdfFontSubsets
{
    /// <summary>The host of the font URLs; .invalid never resolves, so nothing but the page's route can answer.</summary>
    private const string Origin = "http://pdf-fonts.invalid/";

    private const int CacheSize = 4;

    /// <summary>
    /// Characters the layout may draw that the HTML need not spell: every printable ASCII character (page numbers,
    /// counters, leaders), full-width digits and the ellipsis, dashes and quotes of text overflow and punctuation.
    /// </summary>
    private static readonly int[] Always =
    [
        .. Enumerable.Range(0x20, 0x5F), .. Enumerable.Range(0xFF10, 10), 0xA0, 0x2026, 0x2025, 0x2010, 0x2013, 0x2014, 0x2015, 0x2212,
        0x3000, 0x3001, 0x3002, 0x30FB, 0x30FC, 0x300C, 0x300D, 0xFF08, 0xFF09, 0x9801, 0x76EE, 0x6B21,
    ];

    private readonly Lazy<(TrueTypeSubsetter Regular, TrueTypeSubsetter Bold)> _fonts;
    private readonly LinkedList<(string Key, PdfFontSubset Subset)> _cache = new();

    /// <param name="directory">Where NotoSansJP-Regular.ttf and NotoSansJP-Bold.ttf are.</param>
    public PdfFontSubsets(string directory)
    {
        Directory = directory;
        _fonts = new(() => (
            TrueTypeSubsetter.Load(File.ReadAllBytes(Path.Combine(directory, "NotoSansJP-Regular.ttf"))),
            TrueTypeSubsetter.Load(File.ReadAllBytes(Path.Combine(directory, "NotoSansJP-Bold.ttf")))));
    }

    public string Directory { get; }

    /// <summary>The subsets for <paramref name="fontDirectory"/> when both fonts are there, else null (the browser uses its own fonts).</summary>
    public static PdfFontSubsets? In(string? fontDirectory) =>
        fontDirectory is not null && File.Exists(Path.Combine(fontDirectory, "NotoSansJP-Regular.ttf")) && File.Exists(Path.Combine(fontDirectory, "NotoSansJP-Bold.ttf"))
            ? new PdfFontSubsets(fontDirectory)
            : null;

    /// <summary>The code points of <paramref name="texts"/> (HTML read as text: a superset of what it prints) and of <see cref="Always"/>, ascending.</summary>
    public static int[] CharactersOf(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var basic = new bool[0x10000];
        var supplementary = new SortedSet<int>();
        foreach (var text in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    supplementary.Add(char.ConvertToUtf32(c, text[++i]));
                }
                else
                {
                    basic[c] = true;
                }
            }
        }

        foreach (var codePoint in Always)
        {
            basic[codePoint] = true;
        }

        var characters = new List<int>();
        for (var c = 0; c < basic.Length; c++)
        {
            if (basic[c] && c is not (>= 0xD800 and <= 0xDFFF))
            {
                characters.Add(c);
            }
        }

        characters.AddRange(supplementary);
        return [.. characters];
    }

    /// <summary>Both weights cut down to <paramref name="characters"/> (from <see cref="CharactersOf"/>), from the cache when made before.</summary>
    public PdfFontSubset For(int[] characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var bytes = new byte[characters.Length * 4];
        Buffer.BlockCopy(characters, 0, bytes, 0, bytes.Length);
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        lock (_cache)
        {
            if (_cache.FirstOrDefault(c => c.Key == key) is { Subset: not null } hit)
            {
                _cache.Remove(hit);
                _cache.AddFirst(hit);
                return hit.Subset;
            }
        }

        var (regular, bold) = _fonts.Value;
        var subset = new PdfFontSubset(key, regular.Subset(characters), bold.Subset(characters));
        lock (_cache)
        {
            if (_cache.All(c => c.Key != key))
            {
                _cache.AddFirst((key, subset));
                while (_cache.Count > CacheSize)
                {
                    _cache.RemoveLast();
                }
            }
        }

        return subset;
    }

    /// <summary>
    /// <paramref name="html"/> with an @font-face per weight of <paramref name="subset"/> (the family its CSS names,
    /// "Noto Sans JP", 400 and 700) at the start of its head, and the URLs they name.
    /// </summary>
    public static string WithFontFaces(string html, PdfFontSubset subset)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(subset);
        var faces = $"<style>@font-face {{ font-family: \"Noto Sans JP\"; font-weight: 400; src: url(\"{Origin}{subset.Key}/Regular.ttf\") format(\"truetype\"); }}"
            + $" @font-face {{ font-family: \"Noto Sans JP\"; font-weight: 700; src: url(\"{Origin}{subset.Key}/Bold.ttf\") format(\"truetype\"); }}</style>";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        if (head >= 0)
        {
            return html.Insert(head + "<head>".Length, faces);
        }

        var doctype = html.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        var afterDoctype = doctype >= 0 ? html.IndexOf('>', doctype) + 1 : 0;
        return html.Insert(afterDoctype, faces);
    }

    /// <summary>
    /// <paramref name="html"/> ready to print on <paramref name="page"/> with fonts cut down to the characters of
    /// <paramref name="texts"/> (default: the HTML): the @font-face rules added, and the page's route (added on its
    /// first use) answering their URLs with this document's subset.
    /// </summary>
    public async Task<string> PrepareAsync(IPage page, string html, IReadOnlyList<string>? texts)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(html);

        // The runs of one document name the same list of texts: its characters are read once (a large edition's
        // HTML is tens of megabytes, and it prints in many runs).
        var subset = For(texts is null ? CharactersOf([html]) : _characters.GetValue(texts, CharactersOf));
        if (!_pages.TryGetValue(page, out var current))
        {
            current = new StrongBox<PdfFontSubset>();
            _pages.Add(page, current);
            await page.RouteAsync(Origin + "**", route => Serve(route, current.Value));
        }

        current.Value = subset;
        return WithFontFaces(html, subset);
    }

    private readonly ConditionalWeakTable<IReadOnlyList<string>, int[]> _characters = [];

    /// <summary>The subset each page prints with now (a page prints one document at a time).</summary>
    private readonly ConditionalWeakTable<IPage, StrongBox<PdfFontSubset>> _pages = [];

    private static async Task Serve(IRoute route, PdfFontSubset? subset)
    {
        var path = new Uri(route.Request.Url).AbsolutePath.Trim('/').Split('/');
        if (subset is null || path.Length != 2 || path[0] != subset.Key || path[1] is not ("Regular.ttf" or "Bold.ttf"))
        {
            await route.AbortAsync();
            return;
        }

        await route.FulfillAsync(new()
        {
            Status = 200,
            BodyBytes = path[1] == "Bold.ttf" ? subset.Bold : subset.Regular,
            ContentType = "font/ttf",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        });
    }
}
