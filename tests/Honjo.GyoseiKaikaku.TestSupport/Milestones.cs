using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>The year's milestones for fixtures that need them as a starting point rather than as the thing tested.</summary>
public static class Milestones
{
    /// <summary>
    /// 計画の公表 of <paramref name="year"/> exactly as the 企画課's button does it (<see cref="PublishEditionHandler.PublishAsync"/>:
    /// versions locked, files and open data stored), except that the stored PDF is a stand-in instead of Chromium's
    /// rendering (seconds each). For fixtures that need department entry open (it opens at 計画の公表) and never read
    /// the published PDF; the tests of publishing itself go through HTTP and Chromium.
    /// </summary>
    public static async Task PublishWithStandInPdfAsync(this WebApplicationFactory<Program> app, FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<PublishEditionHandler>(scope.ServiceProvider, StandInFiles(scope.ServiceProvider));
        if ((await handler.PublishAsync(year, CancellationToken.None)).Error is { } error)
        {
            throw new InvalidOperationException($"Publishing {year.Code} was refused: {error}");
        }
    }

    /// <summary>実績の確定 of <paramref name="year"/> as <see cref="CloseEditionHandler.CloseAsync"/> does it, with a stand-in PDF.</summary>
    public static async Task CloseWithStandInPdfAsync(this WebApplicationFactory<Program> app, FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<CloseEditionHandler>(scope.ServiceProvider, StandInFiles(scope.ServiceProvider));
        if ((await handler.CloseAsync(year, CancellationToken.None)).Error is { } error)
        {
            throw new InvalidOperationException($"Closing {year.Code} was refused: {error}");
        }
    }

    private static MilestoneFiles StandInFiles(IServiceProvider services) => ActivatorUtilities.CreateInstance<MilestoneFiles>(services, new StandInPdf());

    private sealed class StandInPdf : IBookletPdfRenderer
    {
        public Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken) =>
            Task.FromResult("%PDF-1.4\n% stand-in for tests that never read the PDF\n"u8.ToArray());
    }
}
