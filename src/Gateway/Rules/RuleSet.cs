using System.Collections.Frozen;
using System.Collections.Immutable;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>
/// One validated, immutable rule set. The pipeline reads one snapshot per request, so a request
/// never sees half of an update: a new version replaces the whole object at once.
/// </summary>
internal sealed record RuleSet
{
    public required long Version { get; init; }

    public required string Name { get; init; }

    public required string DefaultJurisdiction { get; init; }

    public required FrozenDictionary<string, JurisdictionRules> Jurisdictions { get; init; }

    /// <summary>Tenant id to jurisdiction code; tenants not listed use <see cref="DefaultJurisdiction"/>.</summary>
    public required FrozenDictionary<string, string> TenantJurisdictions { get; init; }

    public required FrozenDictionary<Purpose, ImmutableArray<Channel>> PurposeChannels { get; init; }

    public required TemplateCatalog Templates { get; init; }

    public required Lexicon Lexicon { get; init; }

    public JurisdictionRules JurisdictionFor(string tenantId) =>
        Jurisdictions[TenantJurisdictions.GetValueOrDefault(tenantId, DefaultJurisdiction)];

    public bool AllowsChannel(Purpose purpose, Channel channel) =>
        PurposeChannels.TryGetValue(purpose, out var channels) && channels.Contains(channel);
}
