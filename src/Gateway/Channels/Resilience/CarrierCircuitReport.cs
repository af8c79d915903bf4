using Gateway.Observability;
using Polly.CircuitBreaker;

namespace Gateway.Channels.Resilience;

/// <summary>Tells the metrics and the log when one carrier's circuit breaker changes state.</summary>
internal sealed class CarrierCircuitReport(string carrier, GatewayMetrics metrics, ILogger logger)
{
    public ValueTask Opened(TimeSpan breakDuration)
    {
        Set(CircuitState.Open);
        CarrierLog.CircuitOpened(logger, carrier, breakDuration);
        return default;
    }

    public ValueTask HalfOpened()
    {
        Set(CircuitState.HalfOpen);
        CarrierLog.CircuitHalfOpened(logger, carrier);
        return default;
    }

    public ValueTask Closed()
    {
        Set(CircuitState.Closed);
        CarrierLog.CircuitClosed(logger, carrier);
        return default;
    }

    /// <summary>Exports the state as the gauge's documented values: 0 closed, 1 half-open, 2 open.</summary>
    public void Set(CircuitState state) =>
        metrics.CarrierCircuitState.WithLabels(carrier).Set(state switch
        {
            CircuitState.Closed => 0,
            CircuitState.HalfOpen => 1,
            _ => 2,
        });
}
