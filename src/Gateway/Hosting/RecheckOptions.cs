namespace Gateway.Hosting;

/// <summary>The last-second recheck against the lender (<c>Gateway:Recheck</c>).</summary>
public sealed class RecheckOptions
{
    public const string SectionName = "Gateway:Recheck";

    /// <summary>The one deadline both recheck calls share; a later answer counts as no answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>When the lender cannot answer, how far ahead a deferrable reminder is deferred.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}
