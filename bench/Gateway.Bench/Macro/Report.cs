using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Bench.Macro;

/// <summary>The run's results: every phase's figures, the targets of issue 9 against them, and the invariants; as JSON and as Markdown.</summary>
internal sealed class Report(BenchSettings settings, string zone, IReadOnlyList<PhaseFigures> phases, IReadOnlyList<InvariantCheck> invariants, int debtorsSentTo, string loadBefore)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Machine Machine { get; } = Machine.Current();

    public DateTimeOffset FinishedAt { get; } = TimeProvider.System.GetUtcNow();

    /// <summary>Load averages when the run started and when it ended.</summary>
    public string LoadAverages { get; } = $"{loadBefore} before, {Machine.LoadAverage} after";

    public IReadOnlyList<TargetCheck> Targets => ComputeTargets();

    public static string Line(PhaseFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return string.Create(CultureInfo.InvariantCulture, $"{f.Scenario,-22} {f.Loop,-6} {f.DecisionsPerSecond,8:0} decisions/s  p50 {f.P50Ms,6:0.00} ms  p99 {f.P99Ms,7:0.00} ms  cpu {f.GatewayCpuSecondsPer1000,6:0.000} s/1k  {f.BytesAllocatedPerDecision / 1024,6:0.0} KB/decision  redis {f.RedisRoundTripsPerDecision:0.00} round trips");
    }

    /// <summary>Writes latest.json and latest.md into <paramref name="folder"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, "latest.json");
        var markdown = Path.Combine(folder, "latest.md");
        File.WriteAllText(json, JsonSerializer.Serialize(new { Machine, FinishedAt, LoadAverages, Settings = Describe(), RecipientTimeZone = zone, debtorsSentTo, Phases = phases, Targets, Invariants = invariants }, Json));
        File.WriteAllText(markdown, Markdown());
        return [json, markdown];
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# make bench: latest results ({FinishedAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine(c, $"Machine: {Machine.Cores} cores, {Machine.Memory}, {Machine.CpuModel}; {Machine.Runtime}; {Machine.OperatingSystem}; load average (1, 5, 15 min) {LoadAverages}.");
        md.AppendLine(c, $"Settings: {Describe()}; recipients in {zone}; {debtorsSentTo} distinct debtors sent to.");
        md.AppendLine();
        md.AppendLine("| scenario | loop | load | answered | decisions/s | p50 ms | p95 ms | p99 ms | max ms | gateway CPU s / 1k | KB allocated / decision | gen0/1/2 | Redis round trips / decision | Redis commands / decision | redis CPU s / 1k | bench CPU s / 1k | outcomes |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var f in phases)
        {
            var load = f.Loop == "open" ? $"{f.Load:0}/s" : $"{f.Load:0} in flight";
            md.AppendLine(c, $"| {f.Scenario} | {f.Loop} | {load} | {f.Answered} | {f.DecisionsPerSecond:0} | {f.P50Ms:0.00} | {f.P95Ms:0.00} | {f.P99Ms:0.00} | {f.MaxMs:0.0} | {f.GatewayCpuSecondsPer1000:0.000} | {f.BytesAllocatedPerDecision / 1024:0.0} | {f.GatewayGen0}/{f.GatewayGen1}/{f.GatewayGen2} | {f.RedisRoundTripsPerDecision:0.00} | {f.RedisCommandsPerDecision:0.0} | {f.RedisCpuSecondsPer1000:0.000} | {f.BenchProcessCpuSecondsPer1000:0.000} | {string.Join(", ", f.Outcomes.Select(o => $"{o.Key} {o.Value}"))} |");
        }

        md.AppendLine();
        md.AppendLine("| target (issue 9) | measured | met |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var t in Targets)
        {
            md.AppendLine(c, $"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
        }

        md.AppendLine();
        md.AppendLine("| invariant | held | detail |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var i in invariants)
        {
            md.AppendLine(c, $"| {i.Name} | {(i.Held ? "yes" : "**no**")} | {i.Detail} |");
        }

        return md.ToString();
    }

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"phases of {settings.PhaseDuration.TotalSeconds:0} s (at most {settings.MaxRequestsPerPhase} requests) after {settings.WarmupDuration.TotalSeconds:0} s warm-up each; closed loop {settings.Concurrency} in flight (stream: {settings.Streams} streams × {settings.Concurrency / settings.Streams}); open loop {settings.OfferedRate:0}/s; lender delay {settings.LenderDelay.TotalMilliseconds:0} ms; gateway GC {settings.GarbageCollector}");

    private List<TargetCheck> ComputeTargets()
    {
        var c = CultureInfo.InvariantCulture;
        PhaseFigures? Find(string scenario, string loop) => phases.FirstOrDefault(p => p.Scenario == scenario && p.Loop == loop);
        var targets = new List<TargetCheck>();
        foreach (var loop in new[] { "closed", "open" })
        {
            if (Find("SendReminder", loop) is { } unary && Find("pass-through", loop) is { } baseline && baseline.GatewayCpuSecondsPer1000 > 0)
            {
                var ratio = unary.GatewayCpuSecondsPer1000 / baseline.GatewayCpuSecondsPer1000;
                targets.Add(new($"full pipeline CPU ≤ 4× pass-through per request ({loop} loop)", string.Create(c, $"{ratio:0.0}× ({unary.GatewayCpuSecondsPer1000:0.000} vs {baseline.GatewayCpuSecondsPer1000:0.000} CPU s per 1,000)"), ratio <= 4));
            }
        }

        if (Find("SendReminder", "open") is { } open)
        {
            targets.Add(new(string.Create(c, $"p99 ≤ 5 ms at {settings.OfferedRate:0} offered decisions/s (SendReminder)"), string.Create(c, $"p99 {open.P99Ms:0.00} ms, achieved {open.DecisionsPerSecond:0}/s"), open.P99Ms <= 5 && settings.OfferedRate >= 2000));
        }

        if (Find("SendReminders stream", "closed") is { } stream && Find("SendReminder", "closed") is { } closed)
        {
            var ratio = stream.DecisionsPerSecond / closed.DecisionsPerSecond;
            targets.Add(new("stream ≥ 2× unary decisions/s (closed loop, same concurrency)", string.Create(c, $"{ratio:0.00}× ({stream.DecisionsPerSecond:0} vs {closed.DecisionsPerSecond:0})"), ratio >= 2));
        }

        if (Find("SendReminder", "closed") is { } send)
        {
            targets.Add(new("one Redis round trip to check and reserve, at most one more to commit", string.Create(c, $"{send.RedisRoundTripsPerDecision:0.00} EVALSHA per SendReminder decision; EvaluateReminder {Find("EvaluateReminder", "closed")?.RedisRoundTripsPerDecision ?? 0:0.00}"), send.RedisRoundTripsPerDecision <= 2.0 + 1e-9));
            targets.Add(new("≤ 16 KB allocated per decision (SendReminder)", string.Create(c, $"{send.BytesAllocatedPerDecision / 1024:0.0} KB (pass-through {Find("pass-through", "closed")?.BytesAllocatedPerDecision / 1024 ?? 0:0.0} KB)"), send.BytesAllocatedPerDecision <= 16 * 1024));
        }

        return targets;
    }
}
