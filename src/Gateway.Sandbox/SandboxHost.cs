using Gateway.Hosting;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.Sandbox.Lender;
using Gateway.Sandbox.Store;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Sandbox;

/// <summary>
/// The whole embedded default in one process: Garnet, the sandbox lender, and the gateway wired to
/// both, with the seed's opt-outs recorded through the gateway's own store code.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    // The store has just started: on a busy machine its first answers (loading the Lua scripts)
    // can outlast the gateway's fail-closed budget, which is right for reminders, not for seeding.
    private const int SeedAttempts = 20;
    private const int StartAttempts = 3;
    private static readonly TimeSpan SeedRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly GatewayAddressFile _addressFile;

    private SandboxHost(EmbeddedGarnet store, SandboxLenderServer lender, WebApplication gateway, SandboxOptions options, string outboxPath, Uri grpcAddress, Uri httpAddress, GatewayAddressFile addressFile)
    {
        Store = store;
        Lender = lender;
        Gateway = gateway;
        Options = options;
        OutboxPath = outboxPath;
        GrpcAddress = grpcAddress;
        HttpAddress = httpAddress;
        _addressFile = addressFile;
    }

    public EmbeddedGarnet Store { get; }

    public SandboxLenderServer Lender { get; }

    public WebApplication Gateway { get; }

    public SandboxOptions Options { get; }

    public string OutboxPath { get; }

    /// <summary>The gateway's gRPC endpoint, on the port actually taken.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The gateway's HTTP endpoint (/metrics, /healthz), on the port actually taken.</summary>
    public Uri HttpAddress { get; }

    public static async Task<SandboxHost> StartAsync(string[] args)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(args).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < StartAttempts && IsAddressInUse(ex))
            {
                // Another run took a port between our check and our bind (two `make run`s started
                // together): start again; the ports it now holds are seen as taken.
            }
        }
    }

    private static async Task<SandboxHost> StartOnceAsync(string[] args)
    {
        var builder = GatewayApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "sandbox.appsettings.json"), optional: false);
        builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
        var options = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();

        var chosen = new HashSet<int>();
        var grpcAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Choose(options.GrpcPort, chosen)}");
        var httpAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Choose(options.HttpPort, chosen)}");
        // The sandbox process's composition root: the seed's dates are relative to its start.
#pragma warning disable RS0030
        var clock = TimeProvider.System;
#pragma warning restore RS0030
        var seed = LenderSeed.Load(Path.Combine(AppContext.BaseDirectory, options.SeedPath), clock.GetUtcNow());
        var outboxPath = Path.GetFullPath(options.OutboxPath);

        EmbeddedGarnet? store = null;
        SandboxLenderServer? lender = null;
        WebApplication? gateway = null;
        try
        {
            store = EmbeddedGarnet.Start(LoopbackPort.Choose(options.StorePort, chosen));
            lender = await SandboxLenderServer.StartAsync(LoopbackPort.Choose(options.LenderPort, chosen), seed).ConfigureAwait(false);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Grpc:Url"] = grpcAddress.ToString(),
                ["Kestrel:Endpoints:Http:Url"] = httpAddress.ToString(),
                ["Gateway:Store:ConnectionString"] = store.ConnectionString,
                [$"Gateway:Tenants:{options.Tenant}:LenderAddress"] = lender.Address.ToString(),
                ["Gateway:Carriers:OutboxPath"] = outboxPath,
            });

            gateway = GatewayApplication.Build(builder);
            await SeedOptOutsAsync(gateway, options.Tenant, seed, clock).ConfigureAwait(false);
            // Seeding can take seconds on a busy machine, long enough for another run to take a
            // port: look again rather than let Kestrel fail (and log the failure as an error).
            if (!LoopbackPort.IsFree(grpcAddress.Port) || !LoopbackPort.IsFree(httpAddress.Port))
            {
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.AddressAlreadyInUse);
            }

            await gateway.StartAsync().ConfigureAwait(false);
            var addressFile = GatewayAddressFile.Write(outboxPath, grpcAddress);
            return new SandboxHost(store, lender, gateway, options, outboxPath, grpcAddress, httpAddress, addressFile);
        }
        catch
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync().ConfigureAwait(false);
            }

            if (lender is not null)
            {
                await lender.DisposeAsync().ConfigureAwait(false);
            }

            store?.Dispose();
            throw;
        }
    }

    private static bool IsAddressInUse(Exception ex) =>
        ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
            or Microsoft.AspNetCore.Connections.AddressInUseException
        || (ex.InnerException is { } inner && IsAddressInUse(inner));

    private static async Task SeedOptOutsAsync(WebApplication gateway, string tenant, LenderSeed seed, TimeProvider clock)
    {
        var guardrails = gateway.Services.GetRequiredService<GuardrailStore>();
        foreach (var optOut in seed.OptOuts)
        {
            if (!RuleNames.TryParse<Channel>(optOut.Channel, out var channel))
            {
                throw new InvalidDataException($"optOuts: '{optOut.Channel}' is not a channel");
            }

            var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
            var contact = ReminderValidator.ValidateContact(channel, optOut.ContactPoint, "optOuts.contactPoint", violations)
                ?? throw new InvalidDataException($"optOuts: {violations[0].Field} {violations[0].Description}");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await guardrails.SetConsentAsync(tenant, optOut.DebtorId, channel, contact, granted: false, ConsentSource.Keyword, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                catch (StoreUnavailableException) when (attempt < SeedAttempts)
                {
                    await Task.Delay(SeedRetryDelay, clock).ConfigureAwait(false);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _addressFile.Delete();
        await Gateway.StopAsync().ConfigureAwait(false);
        await Gateway.DisposeAsync().ConfigureAwait(false);
        await Lender.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
    }
}
