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

    /// <summary>A tenant's rules where the file tightens its jurisdiction for it (hours, caps, calendars).</summary>
    public FrozenDictionary<string, JurisdictionRules> TenantRules { get; init; } = FrozenDictionary<string, JurisdictionRules>.Empty;

    /// <summary>When this version starts to apply; null for at once. Before it, <see cref="Previous"/> decides.</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }

    /// <summary>The version this one replaced, kept only while this one is not yet effective.</summary>
    public RuleSet? Previous { get; init; }

    public JurisdictionRules JurisdictionFor(string tenantId) =>
        TenantRules.TryGetValue(tenantId, out var tightened)
            ? tightened
            : Jurisdictions[TenantJurisdictions.GetValueOrDefault(tenantId, DefaultJurisdiction)];

    /// <summary>The version that applies at <paramref name="now"/>: this one, or the one it replaced while it is not yet effective.</summary>
    public RuleSet InForceAt(DateTimeOffset now) =>
        EffectiveFrom is { } from && now < from && Previous is not null ? Previous.InForceAt(now) : this;

    public bool AllowsChannel(Purpose purpose, Channel channel) =>
        PurposeChannels.TryGetValue(purpose, out var channels) && channels.Contains(channel);
}
