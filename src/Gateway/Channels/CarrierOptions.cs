namespace Gateway.Channels;

#pragma warning disable CA2227, CA1002 // Options are bound by the configuration binder.

/// <summary>The carriers (<c>Gateway:Carriers</c>).</summary>
public sealed class CarrierOptions
{
    public const string SectionName = "Gateway:Carriers";

    /// <summary>
    /// The sandbox carrier "outbox": when set, it "delivers" any channel by appending one JSON line
    /// per message to this file. For local runs and staging; never point production at it.
    /// </summary>
    public string? OutboxPath { get; set; }

    /// <summary>
    /// The carriers of each channel in failover order, by channel name (<c>sms</c>, <c>voice</c>,
    /// <c>email</c>, <c>push</c>), for example <c>Gateway:Carriers:Routes:sms:0 = twilio</c>,
    /// <c>:1 = vonage</c>. When empty and <see cref="OutboxPath"/> is set, every channel goes to
    /// the outbox. A channel with no route has no carrier: its reminders end FAILED.
    /// </summary>
    public Dictionary<string, List<string>> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
