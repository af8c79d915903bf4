using System.Net.Sockets;
using Gateway.Sandbox.Store;

namespace Gateway.Tests.Infrastructure;

/// <summary>The embedded Garnet store on a free loopback port, as `make run` uses it.</summary>
public sealed class GarnetFixture : IDisposable
{
    public GarnetFixture() => Server = Start();

    public EmbeddedGarnet Server { get; }

    public void Dispose() => Server.Dispose();

    /// <summary>
    /// Garnet is given its port, so one is picked first; another process can take it before Garnet
    /// binds it, and then a fresh one is tried.
    /// </summary>
    private static EmbeddedGarnet Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return EmbeddedGarnet.Start(FreePort.Next());
            }
            catch (SocketException ex) when (attempt < 5 && ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
            }
        }
    }
}
