namespace Gateway.Sandbox;

/// <summary>
/// The sandbox's own settings (<c>Sandbox</c> section of sandbox.appsettings.json; environment
/// variables such as <c>Sandbox__GrpcPort</c> override them). Each port is the preferred one:
/// when something already listens on it, the sandbox takes a free loopback port instead and its
/// banner says which; 0 always takes a free one.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The gateway's gRPC port on loopback (HTTP/2).</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>The gateway's HTTP port on loopback: /metrics and /healthz (HTTP/1.1).</summary>
    public int HttpPort { get; set; } = 5081;

    /// <summary>The loopback port of the embedded Garnet store.</summary>
    public int StorePort { get; set; } = 6390;

    /// <summary>The loopback port of the sandbox lender.</summary>
    public int LenderPort { get; set; } = 5090;

    /// <summary>The tenant the sandbox lender stands for.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>The sandbox lender's seed file.</summary>
    public string SeedPath { get; set; } = "sandbox/lender-seed.json";

    /// <summary>
    /// Where the sandbox carrier writes, relative to the working directory. The gateway's gRPC
    /// address is written beside it (<c>gateway-address</c>) for `make demo`; so a checkout's own
    /// folder keeps two checkouts apart.
    /// </summary>
    public string OutboxPath { get; set; } = "var/outbox.jsonl";
}
