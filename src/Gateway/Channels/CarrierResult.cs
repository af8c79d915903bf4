using Gateway.V1;

namespace Gateway.Channels;

/// <summary>
/// What a carrier said about one message. <see cref="Retryable"/> says whether sending the same
/// request again is safe (the carrier did not take it, or it dedupes by the idempotency key);
/// <see cref="RetryAfter"/> is the carrier's own wait (HTTP <c>Retry-After</c>).
/// </summary>
internal sealed record CarrierResult(CarrierOutcome Outcome, string Carrier, string? MessageId, string Detail)
{
    public bool Accepted => Outcome == CarrierOutcome.Accepted;

    public bool Retryable { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The reason a decision gives when this is the last word (rejections and unknown outcomes).</summary>
    public ReasonCode Reason { get; init; } = ReasonCode.CarrierRejected;

    /// <summary>The label of <c>gateway_carrier_requests_total{status}</c>: a handful of fixed words.</summary>
    public string Status { get; init; } = "rejected";

    public static CarrierResult Accept(string carrier, string messageId) => new(CarrierOutcome.Accepted, carrier, messageId, "accepted") { Status = "accepted", Reason = ReasonCode.Unspecified };

    public static CarrierResult Reject(string carrier, string detail, bool retryable = false, TimeSpan? retryAfter = null, string status = "rejected") =>
        new(CarrierOutcome.Rejected, carrier, null, detail) { Retryable = retryable, RetryAfter = retryAfter, Status = status };

    /// <summary>The carrier says the recipient opted out or the token is retired: see <see cref="CarrierOutcome.RecipientOptedOut"/>.</summary>
    public static CarrierResult OptedOut(string carrier, string detail) =>
        new(CarrierOutcome.RecipientOptedOut, carrier, null, detail) { Status = "opted_out", Reason = ReasonCode.OptedOut };

    public static CarrierResult Unreachable(string carrier, string detail) =>
        new(CarrierOutcome.Rejected, carrier, null, detail) { Retryable = true, Status = "unreachable", Reason = ReasonCode.CarrierUnavailable };

    public static CarrierResult Throttled(string carrier, string detail) =>
        new(CarrierOutcome.Rejected, carrier, null, detail) { Status = "throttled", Reason = ReasonCode.CarrierThrottled };

    public static CarrierResult Unknown(string carrier, string detail, bool idempotent, string status = "ambiguous") =>
        new(CarrierOutcome.Ambiguous, carrier, null, detail) { Retryable = idempotent, Status = status, Reason = ReasonCode.CarrierOutcomeUnknown };

    /// <summary>A rejection that says nothing about the message itself: it may be tried again, here or at the next carrier.</summary>
    public static CarrierResult RejectRetryable(string carrier, string detail) => Reject(carrier, detail, retryable: true);

    /// <summary>The carrier may have the message; <paramref name="messageId"/> is ours when we assigned one before sending.</summary>
    public static CarrierResult Ambiguous(string carrier, string? messageId, string detail) =>
        Unknown(carrier, detail, idempotent: false) with { MessageId = messageId };

    /// <summary>The <c>status</c> label of <c>gateway_carrier_requests_total</c> for this result.</summary>
    public string MetricStatus => Status;
}
