using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Sandbox.Lender;

/// <summary>
/// A lender on a real loopback port, implementing both lending.v1 contracts from its ledger, with
/// faults that can be switched on while it runs. `make run` and the tests use the same server.
/// </summary>
public sealed class SandboxLenderServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxLenderServer(WebApplication app, LenderLedger ledger, LenderFaults faults, Uri address)
    {
        _app = app;
        Ledger = ledger;
        Faults = faults;
        Address = address;
    }

    public LenderLedger Ledger { get; }

    public LenderFaults Faults { get; }

    public Uri Address { get; }

    /// <param name="port">The loopback port, or 0 for one the system picks at bind time (then read back into <see cref="Address"/>), which no other process can take first.</param>
    public static async Task<SandboxLenderServer> StartAsync(int port, LenderSeed seed, TimeProvider? time = null, LogLevel minimumLogLevel = LogLevel.Warning)
    {
        var ledger = new LenderLedger(seed);
        var faults = new LenderFaults();
        var builder = WebApplication.CreateSlimBuilder();

        // The lender listens on its port and nowhere else. Without this, an appsettings.json in the
        // working directory (the gateway's, in a test's output folder) adds the gateway's own
        // Kestrel endpoints (5080, 5081) to every sandbox lender a test starts.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        // IPv4 loopback rather than "localhost": Kestrel binds port 0 only on an explicit address.
        ListenOptions? endpoint = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            endpoint = listen;
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton(faults);
        // This server's composition root: a test passes its own clock.
#pragma warning disable RS0030
        builder.Services.AddSingleton(time ?? TimeProvider.System);
#pragma warning restore RS0030
        var app = builder.Build();
        app.MapGrpcService<RepaymentStatusSandboxService>();
        app.MapGrpcService<ContactVerificationSandboxService>();
        await app.StartAsync().ConfigureAwait(false);
        // Kestrel writes the port it bound back into the listen options.
        return new SandboxLenderServer(app, ledger, faults, new Uri($"http://127.0.0.1:{endpoint!.IPEndPoint!.Port}"));
    }

    /// <summary>Stops answering, as a lender that went down.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
