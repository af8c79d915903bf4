using Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>The recheck's share of decision latency, and each lender's breaker state, on a real /metrics scrape.</summary>
[Collection(RedisTests.Name)]
public sealed class RecheckMetricsTests(RedisFixture redis)
{
    [Fact]
    public async Task Metrics_BeforeAnyDecision_CircuitShownClosed()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);

        Assert.Equal(0, await env.Gateway.CircuitStateAsync());
    }

    [Fact]
    public async Task Metrics_AfterDecisions_RecheckDurationHistogramByResult()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        await env.Gateway.SendAsync(TestReminders.OverdueSms());
        await env.Gateway.SendAsync(TestReminders.OverdueSms(TestSeed.PaidDebtor, TestSeed.PaidDebt, TestSeed.PaidPhone));
        env.Lender.Faults.Set(new Sandbox.Lender.FaultSettings(FailWith: StatusCode.Unavailable));
        await env.Gateway.SendRefusedAsync(TestReminders.OverdueEmail());

        var metrics = await env.Gateway.ScrapeMetricsAsync();

        var tenant = $"tenant=\"{env.Gateway.TenantId}\"";
        Assert.Contains("# TYPE gateway_recheck_duration_seconds histogram", metrics, StringComparison.Ordinal);
        foreach (var result in new[] { "pass", "suppress", "unavailable" })
        {
            Assert.Equal(1, GatewayTestHost.Sample(metrics, $"gateway_recheck_duration_seconds_count{{{tenant},result=\"{result}\"}}"));
            Assert.Equal(1, GatewayTestHost.Sample(metrics, $"gateway_recheck_duration_seconds_bucket{{{tenant},result=\"{result}\",le=\"+Inf\"}}"));
            Assert.True(GatewayTestHost.Sample(metrics, $"gateway_recheck_duration_seconds_sum{{{tenant},result=\"{result}\"}}") > 0);
        }

        // The recheck is a share of the decision, never more than all of it.
        var recheck = GatewayTestHost.Sample(metrics, $"gateway_recheck_duration_seconds_sum{{{tenant},result=\"pass\"}}");
        var decision = GatewayTestHost.Sample(metrics, "gateway_decision_duration_seconds_sum{channel=\"sms\",outcome=\"sent\"}");
        Assert.InRange(recheck, 0, decision);
    }
}
