using Gateway.V1;

namespace Gateway.Channels;

/// <summary>A carrier the gateway relays to. Returns an outcome; throws only for faults it cannot classify.</summary>
internal interface ICarrier
{
    /// <summary>The carrier's name in decisions and metrics (a bounded label).</summary>
    string Name { get; }

    bool Serves(Channel channel);

    Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
