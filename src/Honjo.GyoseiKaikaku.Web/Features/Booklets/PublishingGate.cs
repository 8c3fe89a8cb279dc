using System.Collections.Concurrent;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// Single-flight for 計画の公表 (ADR 0030): one publication of an edition at a time. A second 公表 of the same edition
/// (pressed twice, or by two people) waits for the first instead of rendering the booklets again, then finds the
/// edition published and is refused with that message. <see cref="RunningSince"/> tells a page that a 公表 is under way.
/// </summary>
public sealed class PublishingGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<FiscalYear, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<FiscalYear, DateTimeOffset> _running = new();

    /// <summary>When the 公表 of <paramref name="year"/> now running started, or null.</summary>
    public DateTimeOffset? RunningSince(FiscalYear year) => _running.TryGetValue(year, out var since) ? since : null;

    /// <summary>Waits for any 公表 of <paramref name="year"/> to end; the returned lease ends this one.</summary>
    public async Task<IDisposable> EnterAsync(FiscalYear year, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(year, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        _running[year] = time.GetUtcNow();
        return new Lease(this, year, gate);
    }

    private sealed class Lease(PublishingGate owner, FiscalYear year, SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._running.TryRemove(year, out _);
                gate.Release();
            }
        }
    }
}
