using Gateway.Sandbox.Lender;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway, one sandbox lender on its own loopback port, and a fake clock, against a given
/// store (YARP's TestEnvironment shape). Each test gets its own, so faults never leak between tests.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(SandboxLenderServer lender, GatewayTestHost gateway, FakeTimeProvider clock)
    {
        Lender = lender;
        Gateway = gateway;
        Clock = clock;
    }

    public SandboxLenderServer Lender { get; }

    public GatewayTestHost Gateway { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<TestEnvironment> StartAsync(string storeConnectionString, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        clock ??= GatewayTestHost.DaytimeClock();
        var lender = await SandboxLenderServer.StartAsync(0, TestSeed.Create());
        var gateway = await GatewayTestHost.StartAsync(storeConnectionString, lender.Address, clock, settings, services: services);
        return new TestEnvironment(lender, gateway, clock);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Gateway.DisposeAsync();
        }
        finally
        {
            await Lender.DisposeAsync();
        }
    }
}
