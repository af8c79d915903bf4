namespace Gateway.Bench.Macro;

/// <summary>The figures of one measured phase, as printed and written to bench/results.</summary>
internal sealed record PhaseFigures
{
    public required string Scenario { get; init; }

    /// <summary>"closed" (fixed concurrency) or "open" (fixed offered rate).</summary>
    public required string Loop { get; init; }

    /// <summary>Requests in flight (closed) or offered per second (open).</summary>
    public required double Load { get; init; }

    public required int Issued { get; init; }

    public required int Answered { get; init; }

    public required double Seconds { get; init; }

    public required double DecisionsPerSecond { get; init; }

    public required double P50Ms { get; init; }

    public required double P95Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double MaxMs { get; init; }

    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required double GatewayCpuSecondsPer1000 { get; init; }

    public required double BytesAllocatedPerDecision { get; init; }

    public required int GatewayGen0 { get; init; }

    public required int GatewayGen1 { get; init; }

    public required int GatewayGen2 { get; init; }

    /// <summary>EVAL and EVALSHA calls per decision: the gateway's round trips to Redis.</summary>
    public required double RedisRoundTripsPerDecision { get; init; }

    /// <summary>Every command Redis counted per decision, including those the scripts ran.</summary>
    public required double RedisCommandsPerDecision { get; init; }

    public required double RedisCpuSecondsPer1000 { get; init; }

    /// <summary>CPU of the benchmark process (load generator and sandbox lender) per 1,000 decisions.</summary>
    public required double BenchProcessCpuSecondsPer1000 { get; init; }
}
