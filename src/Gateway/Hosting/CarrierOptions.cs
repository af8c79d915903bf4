namespace Gateway.Hosting;

/// <summary>The carriers (<c>Gateway:Carriers</c>).</summary>
public sealed class CarrierOptions
{
    public const string SectionName = "Gateway:Carriers";

    /// <summary>
    /// The sandbox carrier: when set, every channel is "delivered" by appending one JSON line per
    /// message to this file. For local runs and staging; never point production at it.
    /// </summary>
    public string? OutboxPath { get; set; }
}
