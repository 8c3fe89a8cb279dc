using Honjo.GyoseiKaikaku.Web.Features.Booklets;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The part cache waits for parts still being cut from a printed run (ADR 0031): a render that starts while a run of
/// the one before is cut finds its parts rather than printing them again.
/// </summary>
public sealed class PdfPartCacheTests
{
    [Fact]
    public async Task Settled_waits_for_tracked_work_to_add_its_parts()
    {
        var cache = new PdfPartCache();
        var release = new TaskCompletionSource();
        cache.Track(Task.Run(async () =>
        {
            await release.Task;
            cache.Add("part-1", [1, 2, 3]);
        }));

        var settled = cache.SettledAsync();
        Assert.False(settled.IsCompleted);
        Assert.Null(cache.TryGet("part-1"));

        release.SetResult();
        await settled;
        Assert.Equal([1, 2, 3], cache.TryGet("part-1"));
    }

    [Fact]
    public async Task Settled_is_complete_when_nothing_is_tracked_or_all_is_done()
    {
        var cache = new PdfPartCache();
        Assert.True(cache.SettledAsync().IsCompleted);

        cache.Track(Task.CompletedTask);
        await cache.SettledAsync();
        Assert.True(cache.SettledAsync().IsCompleted);
    }
}
