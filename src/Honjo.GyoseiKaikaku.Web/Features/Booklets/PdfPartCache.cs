using System.Security.Cryptography;
using System.Text;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// Printed booklet parts by the SHA-256 of their HTML (ADR 0021): a part whose HTML is the same prints the same
/// PDF, so a booklet with one sheet changed prints only that sheet's part again. Held in memory up to
/// <see cref="CapacityBytes"/>, the oldest dropped first; lost on restart, which costs one full print. Parts still
/// being cut from a printed run (ADR 0031) are <see cref="Track"/>ed: <see cref="SettledAsync"/> waits for them.
/// </summary>
public sealed class PdfPartCache
{
    public const long CapacityBytes = 128L * 1024 * 1024;

    private readonly Dictionary<string, byte[]> _parts = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly Lock _lock = new();
    private long _bytes;
    private readonly List<Task> _pending = [];

    /// <summary>Work that will <see cref="Add"/> parts (a run being cut back into parts); see <see cref="SettledAsync"/>.</summary>
    public void Track(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_lock)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(work);
        }
    }

    /// <summary>Completes when the work <see cref="Track"/>ed so far has added its parts (it handles its own failures).</summary>
    public Task SettledAsync()
    {
        lock (_lock)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            return _pending.Count == 0 ? Task.CompletedTask : Task.WhenAll(_pending.ToList());
        }
    }

    public static string KeyOf(string html, string? script) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html + "\u0000" + script)));

    public byte[]? TryGet(string key)
    {
        lock (_lock)
        {
            return _parts.GetValueOrDefault(key);
        }
    }

    public void Add(string key, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        lock (_lock)
        {
            if (pdf.Length > CapacityBytes || !_parts.TryAdd(key, pdf))
            {
                return;
            }

            _order.AddLast(key);
            _bytes += pdf.Length;
            while (_bytes > CapacityBytes && _order.First is { } oldest)
            {
                _bytes -= _parts[oldest.Value].Length;
                _parts.Remove(oldest.Value);
                _order.RemoveFirst();
            }
        }
    }
}
