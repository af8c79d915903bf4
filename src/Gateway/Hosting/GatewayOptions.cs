namespace Gateway.Hosting;

#pragma warning disable CA2227 // Options are bound by the configuration binder.

/// <summary>The gateway's own settings, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The rule file loaded at start-up (<c>Gateway:RuleSetPath</c>).</summary>
    public string RuleSetPath { get; set; } = string.Empty;

    /// <summary>
    /// Secret key for the keyed hash that stands for contact points in the store
    /// (<c>Gateway:ContactHashKey</c>, at least 32 characters). Changing it orphans opt-outs and
    /// caps recorded under the old key, so rotate it only with a migration.
    /// </summary>
    public string ContactHashKey { get; set; } = string.Empty;

    /// <summary>The lenders allowed to call, by tenant id (<c>Gateway:Tenants:{id}</c>).</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);
}
