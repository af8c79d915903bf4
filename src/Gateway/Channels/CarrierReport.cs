using Gateway.Observability;

namespace Gateway.Channels;

/// <summary>Counts and logs each carrier request the same way for every email and push carrier.</summary>
internal static class CarrierReport
{
    public static CarrierResult Record(CarrierResult result, string reminderId, GatewayMetrics metrics, ILogger logger)
    {
        metrics.CarrierRequests.WithLabels(result.Carrier, result.MetricStatus).Inc();
        switch (result.Outcome)
        {
            case CarrierOutcome.Accepted:
                EmailPushLog.Accepted(logger, result.Carrier, reminderId, result.MessageId ?? string.Empty);
                break;
            case CarrierOutcome.Ambiguous:
                EmailPushLog.Ambiguous(logger, result.Carrier, reminderId, result.Detail);
                break;
            default:
                EmailPushLog.Rejected(logger, result.Carrier, reminderId, result.Retryable, result.Detail);
                break;
        }

        return result;
    }

    /// <summary>A fault the carrier could not classify: counted as <c>error</c>, then thrown on for the pipeline to record.</summary>
    public static void Error(string carrier, GatewayMetrics metrics) => metrics.CarrierRequests.WithLabels(carrier, "error").Inc();
}
