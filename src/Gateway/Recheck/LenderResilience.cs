using System.Collections.Frozen;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Tenancy;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.Recheck;

/// <summary>
/// One Polly pipeline per lender endpoint: a circuit breaker around a timeout, never a retry (a late
/// answer is no answer, and a second try would be a second question inside one decision). Tenants
/// that share an endpoint share its breaker, because it is the endpoint's health it tracks. Every
/// pipeline is built at start-up, so <c>gateway_recheck_circuit_state</c> shows each tenant's lender
/// from the first scrape.
/// </summary>
internal sealed class LenderResilience
{
    private readonly FrozenDictionary<string, ResiliencePipeline<RecheckResult>> _byTenant;

    public LenderResilience(TenantDirectory tenants, IOptions<RecheckOptions> options, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger<LenderResilience> logger)
    {
        var byTenant = new Dictionary<string, ResiliencePipeline<RecheckResult>>(StringComparer.Ordinal);
        foreach (var endpoint in tenants.Tenants.Values.GroupBy(tenant => tenant.LenderAddress))
        {
            var ids = endpoint.Select(tenant => tenant.Id).Order(StringComparer.Ordinal).ToArray();
            var circuit = new CircuitReport(endpoint.Key, ids, metrics, logger);
            var pipeline = Build(options.Value, time, wall, circuit);
            foreach (var id in ids)
            {
                byTenant[id] = pipeline;
            }

            circuit.Set(CircuitState.Closed);
        }

        _byTenant = byTenant.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ResiliencePipeline<RecheckResult> For(Tenant tenant) => _byTenant[tenant.Id];

    private static ResiliencePipeline<RecheckResult> Build(RecheckOptions options, TimeProvider time, WallClock wall, CircuitReport circuit)
    {
        // The timeout measures real waiting, like the gRPC deadline it backs up, so it runs on the
        // system clock. The breaker's windows run on the gateway's clock, the one decisions use.
        var timeout = new ResiliencePipelineBuilder { TimeProvider = wall.Time }.AddTimeout(options.Timeout).Build();
        return new ResiliencePipelineBuilder<RecheckResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<RecheckResult>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Result?.LenderFailed == true || args.Outcome.Exception is not null and not OperationCanceledException),
                OnOpened = args => circuit.Opened(args.BreakDuration),
                OnHalfOpened = _ => circuit.HalfOpened(),
                OnClosed = _ => circuit.Closed(),
            })
            .AddPipeline(timeout)
            .Build();
    }
}
