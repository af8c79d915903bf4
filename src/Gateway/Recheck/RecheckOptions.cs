namespace Gateway.Recheck;

/// <summary>The last-second recheck against the lender (<c>Gateway:Recheck</c>).</summary>
public sealed class RecheckOptions
{
    public const string SectionName = "Gateway:Recheck";

    /// <summary>
    /// The one deadline both recheck calls share; a later answer counts as no answer (default 800 ms).
    /// It is the gRPC deadline sent to the lender (shortened to the caller's own when that is sooner)
    /// and the Polly timeout around both calls.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>When the lender cannot answer, how far ahead a deferrable reminder is deferred.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The share of failed rechecks within <see cref="BreakerSamplingDuration"/> that opens a lender's
    /// circuit breaker (above 0, at most 1; default 0.5).
    /// </summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// How many rechecks the sampling window must hold before the ratio counts (at least 2; default
    /// 10), so that a couple of unlucky calls at a quiet hour never cut a lender off.
    /// </summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted (0.5 s to 1 day; default 30 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open breaker refuses rechecks without calling the lender before one probe is let
    /// through (0.5 s to 1 day; default 30 s). Meanwhile decisions fail closed at once instead of
    /// each waiting out the deadline against a lender known to be down.
    /// </summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
