
namespace Gateway.Observability;

/// <summary>Logs of the lender recheck's resilience. Event ids 1300–1399 are stable; endpoints are the lender's, never a debtor's.</summary>
internal static partial class RecheckLog
{
    [LoggerMessage(1300, LogLevel.Warning, "Recheck circuit for lender {Endpoint} (tenants {Tenants}) opened for {BreakDuration} after repeated failures; rechecks fail closed without calling it")]
    public static partial void CircuitOpened(ILogger logger, Uri endpoint, string tenants, TimeSpan breakDuration);

    [LoggerMessage(1301, LogLevel.Information, "Recheck circuit for lender {Endpoint} (tenants {Tenants}) half-open: one recheck probes the lender")]
    public static partial void CircuitHalfOpened(ILogger logger, Uri endpoint, string tenants);

    [LoggerMessage(1302, LogLevel.Information, "Recheck circuit for lender {Endpoint} (tenants {Tenants}) closed: the lender answers again")]
    public static partial void CircuitClosed(ILogger logger, Uri endpoint, string tenants);
}
