using System.Globalization;
using System.Text.Json;
using Gateway.Channels.Outbox;
using Gateway.Hosting;
using Gateway.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway on real Kestrel, on free loopback ports, composed exactly as in production by
/// <see cref="GatewayApplication"/>, with a fake clock, the shipped US preset, an outbox file of
/// its own, and a real gRPC client. Disposing it fails the test if an unexpected error was logged.
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ErrorLogCollector _errors;
    private readonly GrpcChannel _channel;
    private readonly string _folder;

    private GatewayTestHost(WebApplication app, ErrorLogCollector errors, int grpcPort, int httpPort, string folder, string tenantId)
    {
        TenantId = tenantId;
        _app = app;
        _errors = errors;
        _folder = folder;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _channel = GrpcChannel.ForAddress(GrpcAddress);
        Reminders = new ReminderService.ReminderServiceClient(_channel);
        Consent = new ConsentService.ConsentServiceClient(_channel);
        Admin = new ComplianceAdminService.ComplianceAdminServiceClient(_channel);
    }

    /// <summary>The tenant this host's API key maps to. Unique per host, so tests sharing a store never share caps.</summary>
    public string TenantId { get; }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public GrpcChannel Channel => _channel;

    public ReminderService.ReminderServiceClient Reminders { get; }

    public ConsentService.ConsentServiceClient Consent { get; }

    public ComplianceAdminService.ComplianceAdminServiceClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public string OutboxPath => Path.Combine(_folder, "outbox.jsonl");

    /// <summary>Error log entries a test expects (for example a record that could not be written while the store was down).</summary>
    public Func<string, bool> ExpectedError { get; set; } = static _ => false;

    /// <summary>The metadata of a call as the test tenant, with a deadline.</summary>
    public static CallOptions Authorized(TimeSpan? timeout = null) => new(
        new Metadata { { "x-api-key", TestTenant.ApiKey } },
        deadline: TimeProvider.System.GetUtcNow().UtcDateTime + (timeout ?? TimeSpan.FromSeconds(20)));

    /// <summary>The metadata of a call as an administrator, with a deadline.</summary>
    public static CallOptions AsAdmin(TimeSpan? timeout = null) => new(
        new Metadata { { "x-api-key", TestTenant.AdminApiKey } },
        deadline: TimeProvider.System.GetUtcNow().UtcDateTime + (timeout ?? TimeSpan.FromSeconds(20)));

    public static async Task<GatewayTestHost> StartAsync(string storeConnectionString, Uri lenderAddress, TimeProvider clock, IDictionary<string, string?>? settings = null, string? outboxFolder = null, string? tenantId = null, Action<IServiceCollection>? services = null)
    {
        tenantId ??= "t-" + Guid.NewGuid().ToString("N")[..12];
        var folder = outboxFolder ?? Directory.CreateTempSubdirectory("gateway-test-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            // Port 0: the kernel picks a free port at bind time and the ports are read back once
            // Kestrel listens. A port chosen beforehand could be taken by another test run between
            // choosing and binding, which Kestrel reports as an AddressInUseException.
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Gateway:RuleSetPath"] = "rules/us-regf.json",

            // Each host its own rule history, so that a test's update never reaches another test's
            // gateways on the shared redis-server; hosts that must share one pass the same namespace.
            ["Gateway:Rules:Namespace"] = tenantId,
            ["Gateway:Admin:ApiKeySha256:0"] = TestTenant.AdminApiKeyDigest,
            ["Gateway:ContactHashKey"] = "test-contact-hash-key-0123456789abcdef",
            [$"Gateway:Tenants:{tenantId}:ApiKeySha256:0"] = TestTenant.ApiKeyDigest,
            [$"Gateway:Tenants:{tenantId}:LenderName"] = TestTenant.LenderName,
            [$"Gateway:Tenants:{tenantId}:LenderAddress"] = lenderAddress.ToString(),
            ["Gateway:Store:ConnectionString"] = storeConnectionString,
            ["Gateway:Store:OperationTimeout"] = "00:00:01",
            ["Gateway:Carriers:OutboxPath"] = Path.Combine(folder, "outbox.jsonl"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Gateway:Deferral:PollInterval"] = "00:00:00.100",
            ["Gateway:Deferral:Shards"] = "4",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        // Passed as command-line arguments too, so that registrations which depend on a section
        // being present (the optional carriers) see it, as they see a production host's arguments.
        var builder = GatewayApplication.CreateBuilder(configuration.Where(setting => setting.Value is not null).Select(setting => $"--{setting.Key}={setting.Value}").ToArray());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(clock);
        services?.Invoke(builder.Services);
        var errors = new ErrorLogCollector();
        builder.Logging.AddProvider(errors);

        // Kestrel writes the bound endpoint back into each endpoint's listen options; holding them
        // by name tells the gRPC port from the HTTP one.
        ListenOptions? grpc = null;
        ListenOptions? http = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigurationLoader!
            .Endpoint("Grpc", endpoint => grpc = endpoint.ListenOptions)
            .Endpoint("Http", endpoint => http = endpoint.ListenOptions));

        var app = GatewayApplication.Build(builder);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new GatewayTestHost(app, errors, BoundPort.Of(grpc), BoundPort.Of(http), folder, tenantId);
    }

    /// <summary>
    /// The instant the tests set their fake clocks to: Monday 15:00 in Washington, D.C. and 10:00 in
    /// Honolulu, inside US contact hours in every US zone (email has no number to place the recipient by).
    /// </summary>
    public static FakeTimeProvider DaytimeClock() => new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));

    /// <summary>What the outbox carrier sent to <paramref name="contactPoint"/>, for a test on a host its class shares.</summary>
    public IReadOnlyList<OutboxLine> ReadOutbox(string contactPoint) =>
        ReadOutbox().Where(line => line.To == contactPoint).ToList();

    public IReadOnlyList<OutboxLine> ReadOutbox() =>
        File.Exists(OutboxPath)
            ? File.ReadAllLines(OutboxPath).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<OutboxLine>(line, OutboxLine.JsonOptions)!).ToList()
            : [];

    /// <summary>Waits (bounded) until the gateway has released a held reminder, and returns its decision then.</summary>
    public async Task<Decision> AwaitReleaseAsync(string debtorId, string reminderId, TimeSpan? within = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var decision = (await Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtorId, ReminderId = reminderId }, Authorized())).Decision;
            if (!(decision.Outcome == Outcome.Deferred && decision.Held) || waited.Elapsed > (within ?? TimeSpan.FromSeconds(15)))
            {
                return decision;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The gateway's /metrics as Prometheus text.</summary>
    public async Task<string> ScrapeMetricsAsync()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress };
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    /// <summary>The value of one sample in Prometheus text, for example <c>gateway_decisions_total{tenant="acme",channel="sms",outcome="sent",reason="none"}</c>.</summary>
    public static double Sample(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Fails if an error the test did not expect was logged since the last check, and forgets what
    /// the test expected. A host shared by a test class calls this at the end of each test.
    /// </summary>
    public void VerifyNoUnexpectedErrors()
    {
        var unexpected = _errors.Take().Where(error => !ExpectedError(error)).ToList();
        ExpectedError = static _ => false;
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The gateway logged errors the test did not expect:\n" + string.Join("\n", unexpected));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        VerifyNoUnexpectedErrors();
    }
}
