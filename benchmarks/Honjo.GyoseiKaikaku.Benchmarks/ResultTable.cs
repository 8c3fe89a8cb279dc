using System.Globalization;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>The issue's table: each row's measured figure beside its goal, and whether it is met.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Export, string Measured, string Goal, bool? Met)> _rows = [];

    /// <summary>False when a correctness check (not a speed goal) failed: the run's exit code says so.</summary>
    public bool AllChecksPassed { get; private set; } = true;

    /// <summary>A row; <paramref name="met"/> null when the row has no goal (a figure for context).</summary>
    public void Add(string export, string measured, string goal, bool? met)
    {
        _rows.Add((export, measured, goal, met));
        Console.WriteLine($"  {export}: {measured}{(met is null ? string.Empty : met.Value ? "  [goal met]" : "  [goal NOT met]")}");
    }

    /// <summary>A correctness check: a failure fails the run.</summary>
    public void Check(string what, bool passed, string detail)
    {
        AllChecksPassed &= passed;
        Add(what, (passed ? "yes" : "NO") + (detail.Length > 0 ? $" ({detail})" : string.Empty), "yes", passed);
    }

    public void Print()
    {
        var exportWidth = _rows.Max(r => Width(r.Export));
        var measuredWidth = _rows.Max(r => Width(r.Measured));
        Console.WriteLine();
        Console.WriteLine($"{Pad("export", exportWidth)} | {Pad("measured", measuredWidth)} | goal");
        Console.WriteLine($"{new string('-', exportWidth)}-+-{new string('-', measuredWidth)}-+-----");
        foreach (var (export, measured, goal, met) in _rows)
        {
            var verdict = met switch { true => "met", false => "NOT met", null => string.Empty };
            Console.WriteLine($"{Pad(export, exportWidth)} | {Pad(measured, measuredWidth)} | {goal}{(verdict.Length > 0 ? $"  [{verdict}]" : string.Empty)}");
        }
    }

    public static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    public static string Kb(long bytes) => (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB";

    public static string Ratio(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + "x";

    // Full-width characters take two columns in a terminal.
    private static int Width(string text) => text.Sum(c => c > '\u1100' ? 2 : 1);

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));
}
