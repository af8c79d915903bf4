namespace Gateway.Channels;

/// <summary>What a carrier said about one message.</summary>
internal sealed record CarrierResult(bool Accepted, string Carrier, string? MessageId, string Detail)
{
    public static CarrierResult Accept(string carrier, string messageId) => new(true, carrier, messageId, "accepted");

    public static CarrierResult Reject(string carrier, string detail) => new(false, carrier, null, detail);
}
