using System.Collections.Immutable;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>
/// At most <see cref="Limit"/> reminders in any sliding <see cref="Window"/>, counted per
/// <see cref="Scope"/> over the listed channels (all channels when empty).
/// </summary>
internal sealed record CapRule(string Id, CapScope Scope, ImmutableArray<Channel> Channels, TimeSpan Window, int Limit)
{
    public bool AppliesTo(Channel channel) => Channels.IsEmpty || Channels.Contains(channel);
}
