using System.Globalization;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// A carrier's breaker over real connections: repeated failures open it, so the channel fails over
/// without calling the carrier; once the break is over (on the gateway's fake clock) one probe
/// goes through and closes it. /metrics shows each state.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CarrierCircuitBreakerTests(RedisFixture redis)
{
    private static readonly Dictionary<string, string?> Breaker = new()
    {
        ["Gateway:Carriers:Resilience:MaxRetries"] = "0",
        ["Gateway:Carriers:Resilience:BreakerMinimumThroughput"] = "2",
        ["Gateway:Carriers:Resilience:BreakerFailureRatio"] = "0.5",
        ["Gateway:Carriers:Resilience:BreakerSamplingDuration"] = "00:01:00",
        ["Gateway:Carriers:Resilience:BreakerBreakDuration"] = "00:00:30",
    };

    [Fact]
    public async Task Breaker_RepeatedFailures_OpensAndFailsOverWithoutCalling_ThenClosesAfterProbe()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true, settings: Breaker);
        Assert.Equal(0, await CircuitStateAsync(carriers.Gateway, "twilio"));
        carriers.Twilio.Always(CarrierFault.Answer(503));

        // Two failures reach the minimum throughput: open. Both reminders still go, through Vonage.
        for (var i = 0; i < 2; i++)
        {
            var (debtor, debt, phone) = carriers.NewDebtor(7201 + i);
            Assert.Equal("vonage", (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Carrier);
        }

        Assert.Equal(2, await CircuitStateAsync(carriers.Gateway, "twilio"));

        // Open: Twilio is not called at all, even once it has recovered.
        carriers.Twilio.Always(null);
        var (d3, b3, p3) = carriers.NewDebtor(7203);
        Assert.Equal("vonage", (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(d3, b3, p3))).Carrier);
        Assert.Equal(2, carriers.Twilio.Requests.Count);

        // The break is over: the next reminder probes Twilio, which answers, and the breaker closes.
        carriers.Clock.Advance(TimeSpan.FromSeconds(31));
        var (d4, b4, p4) = carriers.NewDebtor(7204);
        Assert.Equal("twilio", (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(d4, b4, p4))).Carrier);
        Assert.Equal(0, await CircuitStateAsync(carriers.Gateway, "twilio"));
        Assert.Equal(3, carriers.Vonage!.Accepted);
        var metrics = await carriers.Gateway.ScrapeMetricsAsync();
        Assert.Equal(1, GatewayTestHost.Sample(metrics, "gateway_carrier_requests_total{carrier=\"twilio\",status=\"circuit_open\"}"));
        Assert.Equal(2, GatewayTestHost.Sample(metrics, "gateway_carrier_requests_total{carrier=\"twilio\",status=\"unavailable\"}"));
        Assert.Contains("gateway_carrier_duration_seconds_count{carrier=\"vonage\"} 3", metrics, StringComparison.Ordinal);
    }

    private static async Task<double?> CircuitStateAsync(GatewayTestHost host, string carrier)
    {
        var series = $"gateway_carrier_circuit_state{{carrier=\"{carrier}\"}} ";
        var line = (await host.ScrapeMetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[series.Length..], CultureInfo.InvariantCulture);
    }
}
