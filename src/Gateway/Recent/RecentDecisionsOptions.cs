namespace Gateway.Recent;

/// <summary>
/// The log of recently decided requests (<c>Gateway:RecentDecisions</c>) that ValidateRuleSet can
/// replay against a candidate. Each request is kept encrypted, at most <see cref="Capacity"/> per
/// tenant, for at most <see cref="Retention"/>; writing it is best effort and off the hot path.
/// </summary>
public sealed class RecentDecisionsOptions
{
    public const string SectionName = "Gateway:RecentDecisions";

    /// <summary>How many requests are kept per tenant, the most recent. 0 turns the log off (nothing is kept).</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>How long a request is kept at most.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many decided requests may wait in memory for the writer; past that, new ones are dropped (and counted).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How often the writer sends what waits to the store, in one pipelined batch.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
