using System.Diagnostics;

namespace Gateway.Bench.Macro;

/// <summary>Runs one phase between two <see cref="Snapshot"/>s and turns the differences into <see cref="PhaseFigures"/>.</summary>
internal static class Phase
{
    // Commands the clients send for themselves (and INFO, which the benchmark sends), not per decision.
    private static readonly string[] Housekeeping = ["info", "ping", "client", "cluster", "config", "hello", "select", "echo", "subscribe", "client|setinfo", "client|setname"];

    public static async Task<(PhaseFigures Figures, PhaseRecorder Recorder)> MeasureAsync(string scenario, string loop, double load, int capacity, Func<Task<Snapshot>> snapshot, Func<PhaseRecorder, Task> drive)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(drive);
        var recorder = new PhaseRecorder(capacity);
        var before = await snapshot().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await drive(recorder).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = await snapshot().ConfigureAwait(false);

        var decisions = Math.Max(recorder.Answered, 1);
        long Calls(string command) => after.RedisCalls.GetValueOrDefault(command) - before.RedisCalls.GetValueOrDefault(command);
        var allCommands = after.RedisCalls.Keys.Where(command => !Housekeeping.Contains(command)).Sum(Calls);
        var (p50, p95, p99, max) = recorder.Percentiles();
        var figures = new PhaseFigures
        {
            Scenario = scenario,
            Loop = loop,
            Load = load,
            Issued = recorder.Issued,
            Answered = recorder.Answered,
            Seconds = seconds,
            DecisionsPerSecond = recorder.Answered / seconds,
            P50Ms = p50,
            P95Ms = p95,
            P99Ms = p99,
            MaxMs = max,
            Outcomes = new SortedDictionary<string, int>(recorder.Outcomes, StringComparer.Ordinal),
            GatewayCpuSecondsPer1000 = (after.GatewayCpu - before.GatewayCpu).TotalSeconds * 1000 / decisions,
            BytesAllocatedPerDecision = (double)(after.Gateway.AllocatedBytes - before.Gateway.AllocatedBytes) / decisions,
            GatewayGen0 = after.Gateway.Gen0Collections - before.Gateway.Gen0Collections,
            GatewayGen1 = after.Gateway.Gen1Collections - before.Gateway.Gen1Collections,
            GatewayGen2 = after.Gateway.Gen2Collections - before.Gateway.Gen2Collections,
            RedisRoundTripsPerDecision = (double)(Calls("evalsha") + Calls("eval")) / decisions,
            RedisCommandsPerDecision = (double)allCommands / decisions,
            RedisCpuSecondsPer1000 = (after.RedisCpuSeconds - before.RedisCpuSeconds) * 1000 / decisions,
            BenchProcessCpuSecondsPer1000 = (after.BenchCpu - before.BenchCpu).TotalSeconds * 1000 / decisions,
        };
        return (figures, recorder);
    }
}
