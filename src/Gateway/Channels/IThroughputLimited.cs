using Gateway.V1;

namespace Gateway.Channels;

/// <summary>
/// A carrier whose sender numbers have a throughput limit. The relay waits for the sender's next
/// slot (shared by every instance) before an attempt starts, so the wait never eats into the
/// attempt's own time limit and never turns into an ambiguous timeout.
/// </summary>
internal interface IThroughputLimited
{
    /// <summary>The sender and its messages per second on <paramref name="channel"/>.</summary>
    (string Sender, double PerSecond) ThroughputFor(Channel channel);
}
