namespace Gateway.Channels;

/// <summary>
/// A carrier the gateway knows how to build, and whether it is configured. Decided when the router
/// is built, not at registration, because configuration added after <c>AddGateway</c> (a test's,
/// the sandbox's) must count.
/// </summary>
internal sealed record CarrierRegistration(string Name, Func<IServiceProvider, ICarrier?> Create);
