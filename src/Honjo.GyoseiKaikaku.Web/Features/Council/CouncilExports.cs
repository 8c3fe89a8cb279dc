using Honjo.GyoseiKaikaku.Infrastructure.Council;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;

namespace Honjo.GyoseiKaikaku.Web.Features.Council;

/// <summary>The published table as PDF: HTML (Print.cshtml, Noto Sans JP) printed by the Chromium engine the summary uses.</summary>
public sealed class CouncilExports(RazorHtmlRenderer razor, IPdfEngine engine)
{
    public async Task<byte[]> PdfAsync(CouncilTableDocument table, CancellationToken ct)
    {
        var html = await razor.RenderAsync("/Features/Council/Print.cshtml", table);
        return await engine.RenderAsync(new PdfRequest(html), ct);
    }
}
