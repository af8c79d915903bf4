using Gateway.Channels.Outbox;
using Gateway.Rules;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels;

/// <summary>
/// The carriers of each channel in failover order, from <c>Gateway:Carriers:Routes</c>. Built at
/// start-up, so a route naming a carrier that is not configured, or one that cannot carry the
/// channel, stops the gateway with the key to fix.
/// </summary>
internal sealed class CarrierRouter
{
    private readonly Dictionary<Channel, ICarrier[]> _routes = [];

    public CarrierRouter(IEnumerable<CarrierRegistration> registrations, IServiceProvider services, IOptions<CarrierOptions> options)
    {
        var byName = registrations
            .Select(registration => registration.Create(services))
            .OfType<ICarrier>()
            .ToDictionary(carrier => carrier.Name, StringComparer.OrdinalIgnoreCase);
        var routes = options.Value.Routes;
        if (routes.Count == 0 && byName.TryGetValue(OutboxCarrier.CarrierName, out var outbox))
        {
            // The sandbox: everything goes to the outbox file.
            routes = new(StringComparer.OrdinalIgnoreCase) { ["sms"] = [outbox.Name], ["voice"] = [outbox.Name], ["email"] = [outbox.Name], ["push"] = [outbox.Name] };
        }

        var failures = new List<string>();
        foreach (var channel in Enum.GetValues<Channel>().Where(channel => channel != Channel.Unspecified))
        {
            if (!routes.TryGetValue(RuleNames.Of(channel), out var names))
            {
                continue;
            }

            var route = new List<ICarrier>();
            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var carrier))
                {
                    failures.Add($"Gateway:Carriers:Routes:{RuleNames.Of(channel)} names '{name}', which is not configured (configured: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}).");
                }
                else if (!carrier.Serves(channel))
                {
                    failures.Add($"Gateway:Carriers:Routes:{RuleNames.Of(channel)} names '{name}', which cannot carry {RuleNames.Of(channel)}.");
                }
                else
                {
                    route.Add(carrier);
                }
            }

            _routes[channel] = [.. route];
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(CarrierOptions.SectionName, typeof(CarrierOptions), failures);
        }

        Carriers = byName.Values.ToArray();
    }

    /// <summary>Every configured carrier, routed or not.</summary>
    public IReadOnlyList<ICarrier> Carriers { get; }

    /// <summary>The channel's carriers in failover order; empty when none is configured.</summary>
    public IReadOnlyList<ICarrier> For(Channel channel) => _routes.GetValueOrDefault(channel) ?? [];
}
