namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// What a fake carrier does with one request instead of accepting it: answer a status (with an
/// optional Retry-After), wait first (a slow carrier, or one that times out), or drop the
/// connection after reading the request (a reset once the request was sent). <see cref="Body"/> is
/// the carrier's own error document when the test needs one (Twilio's error code, say).
/// </summary>
public sealed record CarrierFault(int Status = 0, TimeSpan? Delay = null, bool Reset = false, int? RetryAfterSeconds = null, object? Body = null)
{
    public static CarrierFault Answer(int status, int? retryAfterSeconds = null) => new(status, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/> as JSON.</summary>
    public static CarrierFault Json(int status, object body) => new(status, Body: body);

    public static CarrierFault Slow(TimeSpan delay) => new(Delay: delay);

    public static CarrierFault ConnectionReset() => new(Reset: true);
}
