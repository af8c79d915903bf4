using System.Collections.Immutable;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>The contact rules of one jurisdiction (a regulation preset, possibly tightened by a lender).</summary>
internal sealed record JurisdictionRules
{
    public required string Code { get; init; }

    /// <summary>When contact is allowed, in the recipient's local time. Empty means no fixed hours.</summary>
    public required ImmutableArray<ContactWindow> ContactHours { get; init; }

    /// <summary>Zones assumed when neither the request nor the contact point says where the recipient is.</summary>
    public required ImmutableArray<TimeZoneInfo> FallbackTimeZones { get; init; }

    public required ImmutableArray<CapRule> Caps { get; init; }

    /// <summary>Channels that need recorded consent before any reminder (opt-outs apply to every channel).</summary>
    public required ImmutableArray<Channel> ConsentRequiredChannels { get; init; }

    /// <summary>
    /// How long a phone number stays trusted without the debtor using it or a fresh
    /// reassigned-number check; null when the jurisdiction has no such rule.
    /// </summary>
    public TimeSpan? ContactReverifyAfter { get; init; }

    public IEnumerable<CapRule> CapsFor(Channel channel) => Caps.Where(cap => cap.AppliesTo(channel));
}
