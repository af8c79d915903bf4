using Gateway.Sandbox.Store;

namespace Gateway.Tests.Infrastructure;

/// <summary>The embedded Garnet store on a free loopback port, as `make run` uses it.</summary>
public sealed class GarnetFixture : IDisposable
{
    public GarnetFixture() => Server = EmbeddedGarnet.Start(FreePort.Next());

    public EmbeddedGarnet Server { get; }

    public void Dispose() => Server.Dispose();
}
