using Gateway.Observability;
using Polly.CircuitBreaker;

namespace Gateway.Recheck;

/// <summary>Tells the metrics and the log when one lender endpoint's circuit breaker changes state.</summary>
internal sealed class CircuitReport(Uri endpoint, IReadOnlyList<string> tenantIds, GatewayMetrics metrics, ILogger logger)
{
    private readonly string _tenants = string.Join(",", tenantIds);

    public ValueTask Opened(TimeSpan breakDuration)
    {
        Set(CircuitState.Open);
        RecheckLog.CircuitOpened(logger, endpoint, _tenants, breakDuration);
        return default;
    }

    public ValueTask HalfOpened()
    {
        Set(CircuitState.HalfOpen);
        RecheckLog.CircuitHalfOpened(logger, endpoint, _tenants);
        return default;
    }

    public ValueTask Closed()
    {
        Set(CircuitState.Closed);
        RecheckLog.CircuitClosed(logger, endpoint, _tenants);
        return default;
    }

    /// <summary>Exports the state as the gauge's documented values: 0 closed, 1 half-open, 2 open.</summary>
    public void Set(CircuitState state)
    {
        var value = state switch
        {
            CircuitState.Closed => 0,
            CircuitState.HalfOpen => 1,
            _ => 2,
        };
        foreach (var tenant in tenantIds)
        {
            metrics.RecheckCircuitState.WithLabels(tenant).Set(value);
        }
    }
}
