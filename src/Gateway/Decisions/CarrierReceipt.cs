namespace Gateway.Decisions;

/// <summary>Which carrier answered the relay, and its message id when it took the message.</summary>
internal sealed record CarrierReceipt(string Carrier, string? MessageId);
