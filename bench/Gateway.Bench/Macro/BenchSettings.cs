using System.Globalization;

namespace Gateway.Bench.Macro;

/// <summary>
/// The macro benchmark's knobs, from the command line (<c>--name value</c>). Every phase is bounded
/// in time and in count, so a slow machine ends the run late, never not at all.
/// </summary>
internal sealed record BenchSettings
{
    /// <summary>How long each measured phase runs, at most.</summary>
    public TimeSpan PhaseDuration { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long each scenario runs unmeasured first, so the JIT has reached its final tier.</summary>
    public TimeSpan WarmupDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The offered rate of the open-loop phases, in requests (decisions) per second.</summary>
    public double OfferedRate { get; init; } = 2000;

    /// <summary>Requests in flight in the closed-loop phases (unary: callers; stream: streams × window).</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>How many SendReminders streams share the closed-loop concurrency.</summary>
    public int Streams { get; init; } = 2;

    /// <summary>The most requests one phase may issue.</summary>
    public int MaxRequestsPerPhase { get; init; } = 40_000;

    /// <summary>The sandbox lender's delay before each answer (both recheck calls).</summary>
    public TimeSpan LenderDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The gateway process's GC: "server" as the production binary ships, or "workstation".</summary>
    public string GarbageCollector { get; init; } = "server";

    /// <summary>When set, only the scenarios named here (comma-separated, as printed) run.</summary>
    public string? Scenarios { get; init; }

    /// <summary>
    /// When set, the gateway process writes an EventPipe trace of its allocation samples (the GC's
    /// AllocationTick, about one per 100 KB, with stacks) to this file; <c>--alloc-report</c> reads it.
    /// </summary>
    public string? AllocationTrace { get; init; }

    /// <summary>Where latest.json and latest.md are written; by default bench/results in the repository.</summary>
    public string? OutputFolder { get; init; }

    public static BenchSettings Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new BenchSettings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--seconds" => settings with { PhaseDuration = TimeSpan.FromSeconds(Number(value)) },
                "--warmup-seconds" => settings with { WarmupDuration = TimeSpan.FromSeconds(Number(value)) },
                "--rate" => settings with { OfferedRate = Number(value) },
                "--concurrency" => settings with { Concurrency = (int)Number(value) },
                "--streams" => settings with { Streams = (int)Number(value) },
                "--max-per-phase" => settings with { MaxRequestsPerPhase = (int)Number(value) },
                "--lender-delay-ms" => settings with { LenderDelay = TimeSpan.FromMilliseconds(Number(value)) },
                "--gc" => settings with { GarbageCollector = value },
                "--out" => settings with { OutputFolder = value },
                "--scenarios" => settings with { Scenarios = value },
                "--alloc-trace" => settings with { AllocationTrace = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; see BENCHMARKS.md"),
            };
        }

        return settings;
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
