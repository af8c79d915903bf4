using System.Collections.Immutable;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>
/// At most <see cref="Limit"/> reminders per <see cref="Period"/>: in any sliding
/// <see cref="Window"/>, or in one calendar day of the recipient's zone, counted per
/// <see cref="Scope"/> over the listed channels (all channels when empty), counting attempts or
/// only conversations (<see cref="Counts"/>).
/// </summary>
internal sealed record CapRule(string Id, CapScope Scope, ImmutableArray<Channel> Channels, TimeSpan Window, int Limit, CapPeriod Period = CapPeriod.Sliding, CapCounts Counts = CapCounts.Attempts)
{
    public bool AppliesTo(Channel channel) => Channels.IsEmpty || Channels.Contains(channel);

    /// <summary>How the cap reads in a verdict: "PT24H" or "calendar day".</summary>
    public string Describe() => Period == CapPeriod.CalendarDay ? "calendar day" : System.Xml.XmlConvert.ToString(Window);
}
