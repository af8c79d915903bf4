namespace Gateway.Hosting;

/// <summary>
/// What the gateway does between SIGTERM and exit (<c>Gateway:Drain</c>). An orchestrator's
/// termination grace period must be at least <see cref="ReadinessDelay"/> + <see cref="Timeout"/>,
/// or it kills decisions still in flight.
/// </summary>
public sealed class DrainOptions
{
    public const string SectionName = "Gateway:Drain";

    /// <summary>
    /// How long the gateway keeps accepting requests after it has gone not ready, so that load
    /// balancers and Kubernetes endpoints stop routing to it before its listeners close. Default 5 s.
    /// </summary>
    public TimeSpan ReadinessDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long decisions in flight when the listeners close may take to finish before their
    /// connections are aborted. Default 20 s: two relay timeouts' worth of a slow carrier.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
