namespace Gateway.Deferral;

/// <summary>Deferred delivery (<c>Gateway:Deferral</c>): the gateway holds deferred reminders and releases them itself.</summary>
public sealed class DeferralOptions
{
    public const string SectionName = "Gateway:Deferral";

    /// <summary>Whether this instance releases held reminders. Every instance may; they share the work through leases.</summary>
    public bool ReleaseEnabled { get; set; } = true;

    /// <summary>How many shards the due index is split into (a cluster spreads them over its nodes). Changing it orphans entries: set it once.</summary>
    public int Shards { get; set; } = 16;

    /// <summary>How often an instance looks for due reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claimed reminder is this instance's; if it dies, another takes the reminder over after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due reminders one claim takes from a shard.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How long a reminder held for review waits for a reviewer before it expires.</summary>
    public TimeSpan ReviewValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many held reminders one instance decides at once.</summary>
    public int Concurrency { get; set; } = 16;
}
