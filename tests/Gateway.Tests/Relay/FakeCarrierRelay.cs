using Gateway.Channels;
using Gateway.Channels.Resilience;

namespace Gateway.Tests.Relay;

/// <summary>Carriers that answer the relay step as they are told, and remember what they were handed.</summary>
internal sealed class FakeCarrierRelay(CarrierResult? answer) : ICarrierRelay
{
    public List<(OutboundMessage Message, DateTime Deadline)> Relayed { get; } = [];

    public Task<CarrierResult?> RelayAsync(OutboundMessage message, DateTime callerDeadline)
    {
        Relayed.Add((message, callerDeadline));
        return Task.FromResult(answer);
    }
}
