using System.Collections.Frozen;
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

    /// <summary>Local dates on which no contact is allowed (rest days, public holidays), each with the calendar that names it.</summary>
    public FrozenDictionary<DateOnly, string> NoContactDates { get; init; } = FrozenDictionary<DateOnly, string>.Empty;

    /// <summary>Per channel, the phrases (normalised) of which every template on it holds one. Checked when the rule set compiles.</summary>
    public FrozenDictionary<Channel, ImmutableArray<string>> OptOutPhrases { get; init; } = FrozenDictionary<Channel, ImmutableArray<string>>.Empty;

    /// <summary>Whether every template must state the lender. Checked when the rule set compiles.</summary>
    public bool RequireLenderName { get; init; }

    /// <summary>The most SMS segments a rendered text may take; null for no limit.</summary>
    public int? MaxSmsSegments { get; init; }

    public IEnumerable<CapRule> CapsFor(Channel channel) => Caps.Where(cap => cap.AppliesTo(channel));
}
