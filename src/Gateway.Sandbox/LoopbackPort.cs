using System.Net;
using System.Net.Sockets;

namespace Gateway.Sandbox;

/// <summary>
/// The sandbox's ports: the preferred one when it is free, else any free loopback port, so that two
/// `make run`s on one machine (two checkouts, two engineers) both start.
/// </summary>
internal static class LoopbackPort
{
    /// <summary>
    /// <paramref name="preferred"/> if nothing listens on it on loopback, else a port the system
    /// hands out; 0 asks for the latter. Never one of <paramref name="chosen"/> (the sandbox's other
    /// servers, not listening yet), to which the result is added. The port is free when chosen, not
    /// reserved: a server started in between can take it, and then the start fails naming it.
    /// </summary>
    public static int Choose(int preferred, ISet<int> chosen)
    {
        var port = preferred != 0 && !chosen.Contains(preferred) && IsFree(preferred) ? preferred : AnyFree(chosen);
        chosen.Add(port);
        return port;
    }

    private static int AnyFree(ISet<int> chosen)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!chosen.Contains(port))
            {
                return port;
            }
        }
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> on loopback now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
