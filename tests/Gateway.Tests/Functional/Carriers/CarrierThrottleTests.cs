using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// The carrier's throughput limit is one limit for every instance: two gateway hosts sharing one
/// redis-server, sending at once through the same sender, together stay at its rate; and a
/// sender that is busy past the deadline refuses without sending.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CarrierThrottleTests(RedisFixture redis)
{
    private const int PerSecond = 4;

    [Fact]
    public async Task Throttle_TwoHostsOneSender_TogetherKeepTheSendersRate()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Twilio:MessagesPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:Recheck:Timeout"] = "00:00:05",
        };
        await using var first = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, settings: settings);
        var shared = FakeTwilio.Settings(first.Twilio);
        foreach (var (key, value) in settings)
        {
            shared[key] = value;
        }

        await using var second = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: shared);
        var sends = new List<Task<Decision>>();
        for (var i = 0; i < 4; i++)
        {
            var (d1, b1, p1) = first.NewDebtor(7401 + i);
            var (d2, b2, p2, _) = TestSeed.AddDueDebtor(second.Lender.Ledger, 7411 + i);
            sends.Add(first.Gateway.SendAsync(TestReminders.OverdueSms(d1, b1, p1)));
            sends.Add(second.Gateway.SendAsync(TestReminders.OverdueSms(d2, b2, p2)));
        }

        var decisions = await Task.WhenAll(sends);

        Assert.All(decisions, decision => Assert.Equal(Outcome.Sent, decision.Outcome));
        var arrivals = first.Twilio.Requests.Select(request => request.At).Order().ToList();
        Assert.Equal(8, arrivals.Count);

        // Eight messages at four a second: slots 250 ms apart, so the last leaves 1.75 s after the
        // first, whichever host sent it; unthrottled, all eight arrive within a few milliseconds.
        // Arrivals are measured at the fake carrier, after scheduling delays on a shared machine, so
        // the bounds leave room for a late earlier message without losing what they prove.
        var span = arrivals[^1] - arrivals[0];
        Assert.True(span >= TimeSpan.FromSeconds(1.2), $"8 messages arrived within {span.TotalMilliseconds} ms");
        for (var i = PerSecond; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - PerSecond] >= TimeSpan.FromMilliseconds(500), $"more than {PerSecond} messages within half a second at {i}");
        }
    }

    [Fact]
    public async Task Throttle_SenderBusyPastTheDeadline_ThrottledAndNothingSent()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Twilio:SmsFrom"] = "+12025550977",
            ["Gateway:Carriers:Twilio:MessagesPerSecond"] = "0.1",
        });
        var (d1, b1, p1) = carriers.NewDebtor(7421);
        var (d2, b2, p2) = carriers.NewDebtor(7422);

        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(d1, b1, p1))).Outcome);
        var throttled = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(d2, b2, p2));

        // The next slot is 10 s away, past the 5 s relay timeout: refused at once, never sent.
        Assert.Equal(Outcome.Failed, throttled.Outcome);
        Assert.Equal([ReasonCode.CarrierThrottled], throttled.Reasons);
        Assert.Single(carriers.Twilio.Requests);
    }
}
