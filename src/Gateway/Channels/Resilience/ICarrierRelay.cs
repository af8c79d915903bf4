namespace Gateway.Channels.Resilience;

/// <summary>
/// Hands one message to its channel's carriers. <see cref="CarrierRelay"/> is the only
/// implementation; the seam lets the relay step be tested alone against a fake.
/// </summary>
internal interface ICarrierRelay
{
    /// <summary>The carriers' last word, or null when the channel has no carrier.</summary>
    Task<CarrierResult?> RelayAsync(OutboundMessage message, DateTime callerDeadline);
}
