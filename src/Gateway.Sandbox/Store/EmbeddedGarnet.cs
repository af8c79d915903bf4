using Garnet;

namespace Gateway.Sandbox.Store;

/// <summary>
/// An in-process Garnet server with Lua enabled, on a loopback port: the embedded default store.
/// The gateway talks to it over RESP exactly as it talks to Redis, running the same Lua scripts.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    // Garnet logs each client session under this category, its command line under the other.
    private const string SessionCategory = "Session";
    private const string ArgumentsCategory = "ArgParser";

    private readonly GarnetServer _server;
    private readonly ILoggerFactory _logging;

    private EmbeddedGarnet(GarnetServer server, ILoggerFactory logging, int port)
    {
        _server = server;
        _logging = logging;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static EmbeddedGarnet Start(int port)
    {
        // Garnet warns "Received malformed input message" once per line of anything that is not
        // RESP reaching its port: one HTTP request (a tool probing listening ports, a browser or
        // curl on the wrong port) prints four. Nothing in the sandbox sends such input; the gateway
        // speaks only RESP and reports store failures in its own log, so a session's warnings say
        // nothing about the sandbox; its errors still print.
        var logging = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter(SessionCategory, LogLevel.Error)
            // Its one warning here says that this factory replaces Garnet's own logger options, as meant.
            .AddFilter(ArgumentsCategory, LogLevel.Error));
        var server = new GarnetServer(
        [
            "--bind", "127.0.0.1",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lua", "true",
        ], logging);
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose();
            logging.Dispose();
            throw;
        }

        return new EmbeddedGarnet(server, logging, port);
    }

    public void Dispose()
    {
        _server.Dispose();
        _logging.Dispose();
    }
}
