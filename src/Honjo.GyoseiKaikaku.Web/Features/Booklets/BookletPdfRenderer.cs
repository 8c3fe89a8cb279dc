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

public sealed record BookletPrintModel(BookletDocument Booklet, string Css);

/// <summary>One block of a 目次 page: a field's heading (「（続き）」 when it carries on) and the rows that page holds.</summary>
public sealed record ContentsBlockModel(BookletField Field, bool Continued, IReadOnlyList<BookletSheet> Sheets);

/// <summary>
/// Composes the booklet as HTML (cover, 目次, one sheet per page, using the screen's sheet partial) and prints it
/// with the PDF engine. Each sheet is shrunk to fit its A4 page; the final page count must equal what the 目次 says.
/// </summary>
public sealed class BookletPdfRenderer(RazorHtmlRenderer razor, IPdfEngine engine, IWebHostEnvironment environment) : IBookletPdfRenderer
{
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
        var html = await razor.RenderAsync("/Features/Booklets/Print.cshtml", new BookletPrintModel(booklet, await CssAsync()));
        var pdf = await engine.RenderAsync(new PdfRequest(html, FitScript), cancellationToken);

        var pages = PdfPages.Count(pdf);
        if (pages != booklet.PageCount)
        {
            throw new BookletPaginationException(
                $"PDFのページ数（{pages}）が目次から決まるページ数（{booklet.PageCount}）と一致しないため、出力を中止しました。");
        }

        return pdf;
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
