namespace Gateway.Sandbox;

/// <summary>The sandbox's own settings (<c>Sandbox</c> section of sandbox.appsettings.json).</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The loopback port of the embedded Garnet store.</summary>
    public int StorePort { get; set; } = 6390;

    /// <summary>The loopback port of the sandbox lender.</summary>
    public int LenderPort { get; set; } = 5090;

    /// <summary>The tenant the sandbox lender stands for.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>The sandbox lender's seed file.</summary>
    public string SeedPath { get; set; } = "sandbox/lender-seed.json";

    /// <summary>Where the sandbox carrier writes, relative to the working directory.</summary>
    public string OutboxPath { get; set; } = "var/outbox.jsonl";
}
