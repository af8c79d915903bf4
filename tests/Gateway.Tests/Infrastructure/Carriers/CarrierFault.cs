namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// What a fake carrier does with one request instead of accepting it: answer a status (with an
/// optional Retry-After), wait first (a slow carrier, or one that times out), or drop the
/// connection after reading the request (a reset once the request was sent).
/// </summary>
public sealed record CarrierFault(int Status = 0, TimeSpan? Delay = null, bool Reset = false, int? RetryAfterSeconds = null)
{
    public static CarrierFault Answer(int status, int? retryAfterSeconds = null) => new(status, RetryAfterSeconds: retryAfterSeconds);

    public static CarrierFault Slow(TimeSpan delay) => new(Delay: delay);

    public static CarrierFault ConnectionReset() => new(Reset: true);
}
