using System.Globalization;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// Samples, every 50 ms, the resident memory of this process plus every process it started (the Playwright driver
/// and Chromium's browser, renderer and GPU/utility processes) from /proc, and keeps the peak of the sum.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var tree = Supported ? ProcessTree() : [];
                PeakBytes = Math.Max(PeakBytes, tree.Sum(Rss));
                PeakSelfBytes = Math.Max(PeakSelfBytes, Supported ? Rss(Environment.ProcessId) : 0);
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public long PeakBytes { get; private set; }

    /// <summary>The peak of this process alone (without the browser).</summary>
    public long PeakSelfBytes { get; private set; }

    public static bool Supported => Directory.Exists("/proc/self");

    /// <summary>This process and its descendants, now.</summary>
    public static long CurrentBytes() => Supported ? ProcessTree().Sum(Rss) : 0;

    /// <summary>
    /// The CPU time (user + system) used so far by this process and its descendants, with the children they already
    /// reaped (a closed renderer counts in its browser's). Compare differences: on a shared machine wall time varies
    /// with the others' load, CPU time much less.
    /// </summary>
    public static TimeSpan CurrentCpu()
    {
        if (!Supported)
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        long ticks = 0;
        foreach (var pid in ProcessTree())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
            }
        }

        // Clock ticks are 1/100 s on Linux (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>
    /// The CPU time (ms) of each process of the tree so far, by pid, with a short name: "app", "driver" (Playwright's
    /// node), or Chromium's process type (browser, renderer, gpu-process, utility, zygote).
    /// </summary>
    public static Dictionary<int, (string Name, double Ms)> CpuByProcess()
    {
        var result = new Dictionary<int, (string Name, double Ms)>();
        if (!Supported)
        {
            return result;
        }

        foreach (var pid in ProcessTree())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
                // Chromium's children rewrite their command line as one string: "--type=renderer" is found within it.
                var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
                var type = System.Text.RegularExpressions.Regex.Match(cmdline, @"--type=(\S+)");
                var name = pid == Environment.ProcessId ? "app"
                    : cmdline.Contains("node", StringComparison.Ordinal) && !cmdline.Contains("chromium", StringComparison.Ordinal) ? "driver"
                    : type.Success ? type.Groups[1].Value : "browser";
                result[pid] = (name, ticks * 10.0);
            }
            catch (IOException)
            {
            }
        }

        return result;
    }

    /// <summary>CPU used between two <see cref="CpuByProcess"/> snapshots, summed by process name.</summary>
    public static string CpuDifference(Dictionary<int, (string Name, double Ms)> before, Dictionary<int, (string Name, double Ms)> after) =>
        string.Join(", ", after
            .Select(p => (p.Value.Name, Ms: p.Value.Ms - (before.TryGetValue(p.Key, out var b) ? b.Ms : 0)))
            .GroupBy(p => p.Name)
            .Select(g => (Name: g.Key, Ms: g.Sum(p => p.Ms)))
            .Where(g => g.Ms > 0)
            .OrderByDescending(g => g.Ms)
            .Select(g => $"{g.Name} {g.Ms:F0}"));

    private static List<int> ProcessTree()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ReadParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        return parents.Keys.Append(self).Distinct().Where(pid => pid == self || DescendsFrom(pid, self, parents)).ToList();
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64 && parents.TryGetValue(pid, out var parent); depth++)
        {
            if (parent == ancestor)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    private static int? ReadParent(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
