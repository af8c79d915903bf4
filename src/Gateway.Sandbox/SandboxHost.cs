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
    private SandboxHost(EmbeddedGarnet store, SandboxLenderServer lender, WebApplication gateway, SandboxOptions options, string outboxPath)
    {
        Store = store;
        Lender = lender;
        Gateway = gateway;
        Options = options;
        OutboxPath = outboxPath;
    }

    public EmbeddedGarnet Store { get; }

    public SandboxLenderServer Lender { get; }

    public WebApplication Gateway { get; }

    public SandboxOptions Options { get; }

    public string OutboxPath { get; }

    public static async Task<SandboxHost> StartAsync(string[] args)
    {
        var builder = GatewayApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "sandbox.appsettings.json"), optional: false);
        builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
        var options = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();

        var store = EmbeddedGarnet.Start(options.StorePort);
        // The sandbox process's composition root: the seed's dates are relative to its start.
#pragma warning disable RS0030
        var seed = LenderSeed.Load(Path.Combine(AppContext.BaseDirectory, options.SeedPath), TimeProvider.System.GetUtcNow());
#pragma warning restore RS0030
        var lender = await SandboxLenderServer.StartAsync(options.LenderPort, seed).ConfigureAwait(false);
        var outboxPath = Path.GetFullPath(options.OutboxPath);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Store:ConnectionString"] = store.ConnectionString,
            [$"Gateway:Tenants:{options.Tenant}:LenderAddress"] = lender.Address.ToString(),
            ["Gateway:Carriers:OutboxPath"] = outboxPath,
        });

        var gateway = GatewayApplication.Build(builder);
        await SeedOptOutsAsync(gateway, options.Tenant, seed).ConfigureAwait(false);
        await gateway.StartAsync().ConfigureAwait(false);
        return new SandboxHost(store, lender, gateway, options, outboxPath);
    }

    private static async Task SeedOptOutsAsync(WebApplication gateway, string tenant, LenderSeed seed)
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
            await guardrails.SetConsentAsync(tenant, optOut.DebtorId, channel, contact, granted: false, ConsentSource.Keyword, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync().ConfigureAwait(false);
        await Gateway.DisposeAsync().ConfigureAwait(false);
        await Lender.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
    }
}
