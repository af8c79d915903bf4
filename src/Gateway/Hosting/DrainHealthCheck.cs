using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Hosting;

/// <summary>Unhealthy from SIGTERM on, so that readiness (HTTP and gRPC) says NOT_SERVING while requests in flight finish.</summary>
internal sealed class DrainHealthCheck(DrainState drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("stopping: no new requests, decisions in flight finishing")
            : HealthCheckResult.Healthy("accepting requests"));
}
