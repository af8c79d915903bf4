using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.RuleSets;

/// <summary>Reports the rule set version in force.</summary>
internal sealed class RuleSetHealthCheck(RuleSetProvider rules) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"rule set {rules.Current.Name} v{rules.Current.Version}"));
}
