using System.Globalization;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// Samples, every 50 ms, the resident memory of this process plus every process it started (the Playwright driver
/// and Chromium's browser, renderer and GPU/utility processes) from /proc, and keeps the peak of the sum (RSS: pages
/// shared between Chromium's processes count once per process), the peak of the proportional sum (PSS, from
/// smaps_rollup: a shared page split between its sharers — on a shared machine also with other programs mapping the
/// same files, so it reads lower there), the peak of the private sum (USS, a lower bound) and, for each kind of
/// process, its own peak (ADR 0035).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="proportional">
    /// Also PSS and USS, every half second (reading smaps_rollup walks each process's page tables: every 50 ms it cost
    /// seconds of system CPU and slowed what it measured).
    /// </param>
    public MemorySampler(bool proportional = false)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var tree = Supported ? ProcessTree() : [];
                var withPss = proportional && _samples++ % 10 == 0;
                var sample = tree.Select(pid => (Name: Name(pid), Rss: Rss(pid), Pss: withPss ? Pss(pid) : 0, Uss: withPss ? Uss(pid) : 0)).ToList();
                var total = sample.Sum(p => p.Rss);
                if (total > PeakBytes)
                {
                    PeakBytes = total;
                    AtPeak = Describe(sample.GroupBy(p => p.Name).Select(g => (g.Key, g.Sum(p => p.Rss))));
                }

                PeakPssBytes = Math.Max(PeakPssBytes, sample.Sum(p => p.Pss));
                PeakUssBytes = Math.Max(PeakUssBytes, sample.Sum(p => p.Uss));
                if (Timeline && withPss)
                {
                    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} RSS {total / 1024 / 1024} PSS {sample.Sum(p => p.Pss) / 1024 / 1024}: {string.Join(", ", sample.Where(p => p.Rss > 0).Select(p => $"{p.Name} {p.Rss / 1024 / 1024}/{p.Pss / 1024 / 1024}"))}");
                }
                foreach (var kind in sample.GroupBy(p => p.Name))
                {
                    _peakByKind[kind.Key] = Math.Max(_peakByKind.GetValueOrDefault(kind.Key), kind.Sum(p => p.Rss));
                }

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

    /// <summary>BENCH_TIMELINE=1 (with PSS sampled): each process's RSS/PSS (MB) every half second on standard error, to see when memory grows.</summary>
    private static readonly bool Timeline = Environment.GetEnvironmentVariable("BENCH_TIMELINE") is not null;
    private int _samples;
    private readonly Dictionary<string, long> _peakByKind = new(StringComparer.Ordinal);

    /// <summary>The peak of the tree's summed RSS.</summary>
    public long PeakBytes { get; private set; }

    /// <summary>The peak of the tree's summed PSS (shared pages counted once in all).</summary>
    public long PeakPssBytes { get; private set; }

    /// <summary>
    /// The peak of the tree's summed USS (each process's private pages only): a lower bound of its footprint that,
    /// unlike PSS, does not fall when other programs on the machine map the same files (another Chromium).
    /// </summary>
    public long PeakUssBytes { get; private set; }

    /// <summary>The tree's RSS by kind of process at the moment of <see cref="PeakBytes"/> ("app 600, renderer 1,200 MB…").</summary>
    public string AtPeak { get; private set; } = string.Empty;

    /// <summary>Each kind of process's own peak RSS (all its processes summed), largest first.</summary>
    public string PeakByKind => Describe(_peakByKind.Select(p => (p.Key, p.Value)));

    private static string Describe(IEnumerable<(string Name, long Bytes)> kinds) =>
        string.Join(", ", kinds.OrderByDescending(k => k.Bytes).Select(k => $"{k.Name} {k.Bytes / 1024 / 1024}"));

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
                result[pid] = (Name(pid), ticks * 10.0);
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

    /// <summary>"app", "driver" (Playwright's node), or Chromium's process type (browser, renderer, gpu-process, utility, zygote).</summary>
    private static string Name(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return "app";
        }

        try
        {
            // Chromium's children rewrite their command line as one string: "--type=renderer" is found within it.
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            var type = System.Text.RegularExpressions.Regex.Match(cmdline, @"--type=(\S+)");
            var subType = System.Text.RegularExpressions.Regex.Match(cmdline, @"--utility-sub-type=\S*?(\w+)\.mojom\.");
            return cmdline.Contains("node", StringComparison.Ordinal) && !cmdline.Contains("chromium", StringComparison.Ordinal) ? "driver"
                : subType.Success ? subType.Groups[1].Value
                : type.Success ? type.Groups[1].Value : "browser";
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    /// <summary>Unique set size (smaps_rollup's private pages) in bytes; 0 when the process is gone.</summary>
    private static long Uss(int pid) => KilobytesField($"/proc/{pid}/smaps_rollup", "Private_Clean:") + KilobytesField($"/proc/{pid}/smaps_rollup", "Private_Dirty:");

    /// <summary>Proportional set size (smaps_rollup) in bytes; 0 when the process is gone.</summary>
    private static long Pss(int pid) => KilobytesField($"/proc/{pid}/smaps_rollup", "Pss:");

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

    private static long Rss(int pid) => KilobytesField($"/proc/{pid}/status", "VmRSS:");

    /// <summary>The line of <paramref name="path"/> that starts with <paramref name="field"/>, "… 1234 kB", in bytes; 0 when the process is gone.</summary>
    private static long KilobytesField(string path, string field)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
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
