using System.Globalization;
using System.Net.Http.Json;
using Gateway.Hosting;
using Gateway.Tests.Infrastructure;
using StackExchange.Redis;

namespace Gateway.Bench.Macro;

/// <summary>
/// The counters read before and after each phase: the gateway process's allocations (from its
/// /bench/process endpoint) and CPU time (from /proc, outside the process), redis-server's
/// per-command call counts and CPU (INFO commandstats, INFO cpu), and this process's CPU (the
/// load generator and the sandbox lender).
/// </summary>
internal sealed record Snapshot(BenchmarkProcessStats Gateway, TimeSpan GatewayCpu, IReadOnlyDictionary<string, long> RedisCalls, double RedisCpuSeconds, TimeSpan BenchCpu)
{
    public static async Task<Snapshot> TakeAsync(GatewayProcess gateway, HttpClient http, IServer redis)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(redis);
        var stats = await http.GetFromJsonAsync<BenchmarkProcessStats>(new Uri(gateway.HttpAddress, "/bench/process")).ConfigureAwait(false)
            ?? throw new InvalidOperationException("/bench/process answered nothing");
        var commands = ParseCommandStats(await redis.InfoRawAsync("commandstats").ConfigureAwait(false) ?? string.Empty);
        var cpu = ParseFields(await redis.InfoRawAsync("cpu").ConfigureAwait(false) ?? string.Empty);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new Snapshot(stats, gateway.TotalProcessorTime, commands, cpu.GetValueOrDefault("used_cpu_user") + cpu.GetValueOrDefault("used_cpu_sys"), self.TotalProcessorTime);
    }

    /// <summary>"cmdstat_evalsha:calls=12,usec=..." lines, as command name and calls.</summary>
    private static Dictionary<string, long> ParseCommandStats(string info)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = line[(colon + 1)..].Split(',')[0];
            calls[line[8..colon]] = long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture);
        }

        return calls;
    }

    private static Dictionary<string, double> ParseFields(string info) =>
        info.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#') && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line.Split(':', 2))
            .Where(parts => double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
