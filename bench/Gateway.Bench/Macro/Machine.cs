using System.Runtime.InteropServices;

namespace Gateway.Bench.Macro;

/// <summary>Where the figures came from: cores, memory, CPU model (from /proc) and runtime.</summary>
internal sealed record Machine(int Cores, string Memory, string CpuModel, string Runtime, string OperatingSystem)
{
    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine, how much else was running.</summary>
    public static string LoadAverage => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static Machine Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/meminfo", "MemTotal") ?? "unknown",
        ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    private static string? ProcField(string path, string name) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(line => line.StartsWith(name, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
