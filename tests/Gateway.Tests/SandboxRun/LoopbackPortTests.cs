using System.Net;
using System.Net.Sockets;
using Gateway.Sandbox;

namespace Gateway.Tests.SandboxRun;

public sealed class LoopbackPortTests
{
    [Fact]
    public void Choose_PreferredFree_TakesIt()
    {
        var free = Held(out var port);
        free.Stop();

        Assert.Equal(port, LoopbackPort.Choose(port, new HashSet<int>()));
    }

    [Fact]
    public void Choose_PreferredTaken_TakesAFreeOne()
    {
        using var taken = Held(out var port);

        var chosen = LoopbackPort.Choose(port, new HashSet<int>());

        Assert.NotEqual(port, chosen);
        Assert.True(LoopbackPort.IsFree(chosen));
    }

    [Fact]
    public void Choose_PreferredAlreadyChosen_TakesAnother()
    {
        var free = Held(out var port);
        free.Stop();
        var chosen = new HashSet<int>();

        var first = LoopbackPort.Choose(port, chosen);
        var second = LoopbackPort.Choose(port, chosen);

        Assert.Equal(port, first);
        Assert.NotEqual(first, second);
        Assert.Equal([first, second], chosen.Order());
    }

    private static TcpListener Held(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
