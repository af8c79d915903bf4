namespace Gateway.Channels;

/// <summary>
/// What a carrier said about one message. <see cref="Accepted"/> stays the yes/no the pipeline reads;
/// <see cref="Outcome"/> and <see cref="Retryable"/> are the finer answer a relay with retries and
/// failover needs (added without changing the positional shape, so existing callers keep working).
/// </summary>
internal sealed record CarrierResult(bool Accepted, string Carrier, string? MessageId, string Detail)
{
    /// <summary>Accepted, rejected or ambiguous; follows <see cref="Accepted"/> unless a carrier says ambiguous.</summary>
    public CarrierOutcome Outcome { get; init; } = Accepted ? CarrierOutcome.Accepted : CarrierOutcome.Rejected;

    /// <summary>
    /// A rejection that says nothing about the message itself (busy, throttled, unreachable before the
    /// request was sent): the same message may be tried again, here or at another carrier.
    /// </summary>
    public bool Retryable { get; init; }

    public static CarrierResult Accept(string carrier, string messageId) => new(true, carrier, messageId, "accepted");

    public static CarrierResult Reject(string carrier, string detail) => new(false, carrier, null, detail);

    public static CarrierResult RejectRetryable(string carrier, string detail) => new(false, carrier, null, detail) { Retryable = true };

    /// <summary>The carrier may have the message; <paramref name="messageId"/> is ours when we assigned one before sending.</summary>
    public static CarrierResult Ambiguous(string carrier, string? messageId, string detail) => new(false, carrier, messageId, detail) { Outcome = CarrierOutcome.Ambiguous };

    /// <summary>The <c>status</c> label of <c>gateway_carrier_requests_total</c> for this result.</summary>
    public string MetricStatus => Outcome switch
    {
        CarrierOutcome.Accepted => "accepted",
        CarrierOutcome.Ambiguous => "ambiguous",
        _ => "rejected",
    };
}
