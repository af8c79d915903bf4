using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Store;

/// <summary>Unhealthy while the guardrail store does not answer: the gateway then refuses or defers every reminder.</summary>
internal sealed class StoreHealthCheck(GuardrailStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("the guardrail store answers")
            : HealthCheckResult.Unhealthy("the guardrail store does not answer; reminders fail closed");
}
