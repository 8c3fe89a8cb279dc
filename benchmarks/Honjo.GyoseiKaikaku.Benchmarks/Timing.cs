using System.Diagnostics;

namespace Honjo.GyoseiKaikaku.Benchmarks;

internal static class Timing
{
    public static async Task<(double Ms, T Result)> TimeAsync<T>(Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        return (stopwatch.Elapsed.TotalMilliseconds, result);
    }

    /// <summary>Wall time and CPU time (this process and the browser, <see cref="MemorySampler.CurrentCpu"/>).</summary>
    public static async Task<(double Ms, double CpuMs, T Result)> TimeWithCpuAsync<T>(Func<Task<T>> action)
    {
        var cpu = MemorySampler.CurrentCpu();
        var (ms, result) = await TimeAsync(action);
        return (ms, (MemorySampler.CurrentCpu() - cpu).TotalMilliseconds, result);
    }

    /// <summary>The median of <paramref name="runs"/> timings; <paramref name="action"/> gets the run's index.</summary>
    public static async Task<double> MedianAsync<T>(int runs, Func<int, Task<T>> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add((await TimeAsync(() => action(i))).Ms);
        }

        return Median(times);
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
