using System.Collections.Concurrent;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>What a milestone's render of an edition is doing: 計画の公表 or 実績の確定, since when, and how far (ADR 0032).</summary>
public sealed record PublishingStatus(string Work, DateTimeOffset Since, BookletProgress? Progress);

/// <summary>
/// Single-flight for 計画の公表 and 実績の確定 (ADR 0030): one milestone of an edition at a time. A second one of the
/// same edition (pressed twice, or by two people) waits for the first instead of rendering the booklets again, then
/// finds the edition published (closed) and is refused with that message. <see cref="Status"/> tells a page that a
/// milestone is under way and how far its files are (ADR 0032), so that whoever looks sees it and cannot start it again.
/// </summary>
public sealed class PublishingGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<FiscalYear, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<FiscalYear, PublishingStatus> _running = new();

    /// <summary>When the milestone of <paramref name="year"/> now running started, or null.</summary>
    public DateTimeOffset? RunningSince(FiscalYear year) => Status(year)?.Since;

    /// <summary>The milestone of <paramref name="year"/> now running, or null.</summary>
    public PublishingStatus? Status(FiscalYear year) => _running.TryGetValue(year, out var status) ? status : null;

    /// <summary>Whole seconds since <paramref name="status"/> started.</summary>
    public int SecondsSince(PublishingStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Math.Max(0, (int)(time.GetUtcNow() - status.Since).TotalSeconds);
    }

    /// <summary>Waits for any milestone of <paramref name="year"/> to end; the returned lease ends this one.</summary>
    public Task<Lease> EnterAsync(FiscalYear year, CancellationToken ct) => EnterAsync(year, "計画の公表", ct);

    /// <inheritdoc cref="EnterAsync(FiscalYear, CancellationToken)"/>
    public async Task<Lease> EnterAsync(FiscalYear year, string work, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(year, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        _running[year] = new PublishingStatus(work, time.GetUtcNow(), null);
        return new Lease(this, year, gate);
    }

    /// <summary>One milestone's hold on its edition; also where its renderers tell their progress.</summary>
    public sealed class Lease : IDisposable, IProgress<BookletProgress>
    {
        private readonly PublishingGate _owner;
        private readonly FiscalYear _year;
        private readonly SemaphoreSlim _gate;
        private int _released;

        internal Lease(PublishingGate owner, FiscalYear year, SemaphoreSlim gate) => (_owner, _year, _gate) = (owner, year, gate);

        public void Report(BookletProgress value)
        {
            // Only the status this lease put there is updated: a report that comes after the lease ended (or
            // races its end) must not bring a finished milestone back as running.
            if (Volatile.Read(ref _released) == 0 && _owner._running.TryGetValue(_year, out var status))
            {
                _owner._running.TryUpdate(_year, status with { Progress = value }, status);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _owner._running.TryRemove(_year, out _);
                _gate.Release();
            }
        }
    }
}
