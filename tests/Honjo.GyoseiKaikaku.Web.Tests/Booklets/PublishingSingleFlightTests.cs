using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// 計画の公表 is single-flight (ADR 0030): two 公表 of the same edition at once render the booklets once, store one
/// publication, and the second is refused with 「既に公表されています」; while one runs, the gate says so.
/// </summary>
public sealed class PublishingSingleFlightTests
{
    [Fact]
    public async Task Two_publishes_at_once_render_once_and_store_one_publication()
    {
        using var app = new AppFactory();
        var pdf = new SlowPdf();
        var gate = app.Services.GetRequiredService<PublishingGate>();
        var year = new FiscalYear(6);

        async Task<string?> PublishAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var files = ActivatorUtilities.CreateInstance<MilestoneFiles>(scope.ServiceProvider, pdf);
            var handler = ActivatorUtilities.CreateInstance<PublishEditionHandler>(scope.ServiceProvider, files);
            return (await handler.PublishAsync(year, CancellationToken.None)).Error;
        }

        var first = PublishAsync();
        await pdf.Started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.NotNull(gate.RunningSince(year));
        var second = PublishAsync();
        pdf.Release.SetResult();
        var errors = await Task.WhenAll(first, second);

        Assert.Equal(1, pdf.Renders);
        Assert.Null(errors[0]);
        Assert.Contains("既に公表されています", errors[1], StringComparison.Ordinal);
        Assert.Null(gate.RunningSince(year));
        await using var check = app.Services.CreateAsyncScope();
        var edition = await check.ServiceProvider.Database().Editions.Include(e => e.Files).SingleAsync(e => e.Year == year);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Single(edition.Files, f => f.Format == PublishedFormat.Pdf && f.Kind == PublishedKind.Plan);
    }

    /// <summary>A PDF renderer that counts its renders and holds the first until released.</summary>
    private sealed class SlowPdf : IBookletPdfRenderer
    {
        private int _renders;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Renders => Volatile.Read(ref _renders);

        public async Task<byte[]> RenderAsync(BookletDocument booklet, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _renders);
            Started.TrySetResult();
            await Release.Task;
            return "%PDF-1.4\n% stand-in\n"u8.ToArray();
        }
    }
}
