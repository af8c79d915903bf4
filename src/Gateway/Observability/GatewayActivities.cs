using System.Diagnostics;

namespace Gateway.Observability;

/// <summary>
/// The gateway's one <see cref="ActivitySource"/> and the names of its spans: one place, as
/// <see cref="GatewayMetrics"/> is for metric names. A decision is one span (a child of the incoming
/// gRPC request's span when there is one) with a child per pipeline step, named by the step's
/// stable name (IDecisionStep.Name), so that dashboards survive refactoring.
/// </summary>
internal static class GatewayActivities
{
    /// <summary>The source name that tracer providers subscribe to.</summary>
    public const string SourceName = "Gateway";

    public const string Decision = "gateway.decision";

    public const string Validation = "gateway.validation";

    public const string Record = "gateway.record";

    /// <summary>Prefix of a step's span name: <c>gateway.step.recheck</c>.</summary>
    public const string StepPrefix = "gateway.step.";

    public static readonly ActivitySource Source = new(SourceName);
}
