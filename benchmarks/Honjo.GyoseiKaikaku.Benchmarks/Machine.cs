using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>The machine the figures were taken on: cores, CPU, memory, OS, .NET, Chromium and LibreOffice versions.</summary>
internal static class Machine
{
    public static readonly string[] OfficePaths = ["/usr/bin/libreoffice", "/usr/bin/soffice"];

    public static string Describe() =>
        $"machine : {Environment.ProcessorCount} cores, {CpuModel()}, {MemoryGiB()} GiB, {RuntimeInformation.OSDescription} ({DebianVersion()}), load {LoadAverage()}\n" +
        $"software: .NET {Environment.Version}, {VersionOf("/usr/bin/chromium", "--version")}, {VersionOf(OfficePaths.FirstOrDefault(File.Exists), "--version")}";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGiB() =>
        File.Exists("/proc/meminfo")
            ? (long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture)
            : "?";

    private static string DebianVersion() =>
        File.Exists("/etc/debian_version") ? "Debian " + File.ReadAllText("/etc/debian_version").Trim() : RuntimeInformation.RuntimeIdentifier;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string VersionOf(string? program, string argument)
    {
        if (program is null || !File.Exists(program))
        {
            return $"{Path.GetFileName(program) ?? "LibreOffice"} not found";
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{program}: version unknown";
        }
    }
}
