using Gateway.V1;

namespace Gateway.Channels;

/// <summary>Picks the carrier for a channel: the first registered carrier that serves it.</summary>
internal sealed class CarrierRouter(IEnumerable<ICarrier> carriers)
{
    private readonly ICarrier[] _carriers = carriers.ToArray();

    public ICarrier? For(Channel channel) => Array.Find(_carriers, carrier => carrier.Serves(channel));
}
