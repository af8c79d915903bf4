using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>
/// A guardrail could not be evaluated and the request does not allow deferral: nothing was sent,
/// and the caller gets UNAVAILABLE with the reason and when to retry.
/// </summary>
public sealed class GatewayUnavailableException : Exception
{
    public GatewayUnavailableException(ReasonCode reason, string message, TimeSpan retryAfter)
        : base(message)
    {
        Reason = reason;
        RetryAfter = retryAfter;
    }

    public GatewayUnavailableException(ReasonCode reason, string message, TimeSpan retryAfter, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
        RetryAfter = retryAfter;
    }

    public GatewayUnavailableException()
        : this(ReasonCode.Unspecified, "The gateway cannot decide now.", TimeSpan.FromMinutes(1))
    {
    }

    public GatewayUnavailableException(string message)
        : this(ReasonCode.Unspecified, message, TimeSpan.FromMinutes(1))
    {
    }

    public GatewayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromMinutes(1);
    }

    public ReasonCode Reason { get; }

    public TimeSpan RetryAfter { get; }
}
