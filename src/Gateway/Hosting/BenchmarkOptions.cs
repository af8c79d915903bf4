namespace Gateway.Hosting;

/// <summary>
/// What <c>make bench</c> switches on in the gateway it measures (<c>Gateway:Benchmark</c>).
/// Everything here is off by default and stays off in production.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Gateway:Benchmark";

    /// <summary>
    /// Maps <c>bench.v1.PassThroughService</c> (the same payload as SendReminder, answered with no
    /// guardrail: the baseline the gateway's cost is measured against) and <c>GET /bench/process</c>
    /// on the HTTP port (the process's allocated bytes and CPU time). Default false: a pass-through
    /// answers SENT without checking anything, so it must never be reachable in production.
    /// </summary>
    public bool EnablePassThrough { get; set; }
}
