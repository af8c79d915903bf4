using Garnet;

namespace Gateway.Sandbox.Store;

/// <summary>
/// An in-process Garnet server with Lua enabled, on a loopback port: the embedded default store.
/// The gateway talks to it over RESP exactly as it talks to Redis, running the same Lua scripts.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedGarnet(GarnetServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static EmbeddedGarnet Start(int port)
    {
        var server = new GarnetServer(
        [
            "--bind", "127.0.0.1",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lua", "true",
        ]);
        server.Start();
        return new EmbeddedGarnet(server, port);
    }

    public void Dispose() => _server.Dispose();
}
