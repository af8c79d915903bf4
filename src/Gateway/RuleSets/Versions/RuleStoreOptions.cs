namespace Gateway.RuleSets.Versions;

/// <summary>Where rule set versions live and how often an instance checks for a new one (<c>Gateway:Rules</c>).</summary>
public sealed class RuleStoreOptions
{
    public const string SectionName = "Gateway:Rules";

    /// <summary>
    /// The rule namespace in the store: instances with the same namespace share one version
    /// history and switch together. Separate deployments on one Redis use separate namespaces.
    /// 1 to 32 characters of <c>[a-z0-9-]</c>.
    /// </summary>
    public string Namespace { get; set; } = "default";

    /// <summary>
    /// The backstop: how often an instance asks the store for the latest version even without a
    /// pub/sub notice (a notice can be lost while the subscriber reconnects).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
