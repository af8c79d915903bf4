using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// Faults injected at a fake Twilio on loopback, and a fake Vonage-style API behind it: safe
/// failures are retried inside the deadline and then failed over, ambiguous ones are never sent
/// again, and the reservation is released only when no carrier took the message.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CarrierResilienceTests(RedisFixture redis)
{
    [Fact]
    public async Task Relay_503ThenAccepted_RetriedOnTheSameCarrier()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7101);
        carriers.Twilio.Enqueue(CarrierFault.Answer(503), CarrierFault.Answer(502));

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal("twilio", decision.Carrier);
        Assert.Equal(3, carriers.Twilio.Requests.Count);
        Assert.Empty(carriers.Vonage!.Requests);
    }

    [Fact]
    public async Task Relay_429WithRetryAfter_WaitsThatLongThenSends()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7102);
        carriers.Twilio.Enqueue(CarrierFault.Answer(429, retryAfterSeconds: 1));

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        var requests = carriers.Twilio.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Relay_PrimaryKeepsRefusing_FailsOverAndDeliversExactlyOnce()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7103);
        carriers.Twilio.Always(CarrierFault.Answer(503));

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal("vonage", decision.Carrier);
        Assert.Equal(3, carriers.Twilio.Requests.Count);
        Assert.Equal(0, carriers.Twilio.Accepted);
        var sent = Assert.Single(carriers.Vonage!.Requests);
        Assert.Empty(carriers.Vonage.Violations);
        Assert.Equal(phone[1..], sent.Fields["to"]);
        Assert.Equal(decision.ReminderId, sent.Fields["client-ref"]);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("reset")]
    [InlineData("500")]
    public async Task Relay_AmbiguousFailure_NeverResentNorFailedOver_ReservationKept(string fault)
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(fault switch { "timeout" => 7104, "reset" => 7105, _ => 7106 });
        carriers.Twilio.Enqueue(fault switch
        {
            "timeout" => CarrierFault.Slow(TimeSpan.FromSeconds(3)),
            "reset" => CarrierFault.ConnectionReset(),
            _ => CarrierFault.Answer(500),
        });

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Failed, decision.Outcome);
        Assert.Equal([ReasonCode.CarrierOutcomeUnknown], decision.Reasons);
        Assert.Contains("outcome unknown", decision.Verdicts.Single(v => v.Rule == "relay").Detail, StringComparison.Ordinal);
        Assert.Single(carriers.Twilio.Requests);
        Assert.Empty(carriers.Vonage!.Requests);

        // The reservation still counts: the SMS cap of 2 a day has one slot left, not two.
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        var third = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        Assert.Equal([ReasonCode.CapExceeded], third.Reasons);
    }

    [Fact]
    public async Task Relay_PrimaryRefusesConnections_RetriedThenFailedOver()
    {
        // Nothing listens on the primary's port: no request ever left, so retrying is safe.
        var closed = FreePort.Next();
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true, settings: new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Twilio:BaseUrl"] = $"http://127.0.0.1:{closed}/",
        });
        var (debtor, debt, phone) = carriers.NewDebtor(7109);

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal("vonage", decision.Carrier);
        Assert.Single(carriers.Vonage!.Requests);
        var metrics = await carriers.Gateway.ScrapeMetricsAsync();
        Assert.Equal(3, GatewayTestHost.Sample(metrics, "gateway_carrier_requests_total{carrier=\"twilio\",status=\"unreachable\"}"));
    }

    [Fact]
    public async Task Relay_CarrierTakesIdempotencyKey_AmbiguousResetRepeatedWithTheSameKey()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Twilio:IdempotencyKeyHeader"] = "Idempotency-Key",
        });
        var (debtor, debt, phone) = carriers.NewDebtor(7110);
        carriers.Twilio.Enqueue(CarrierFault.ConnectionReset());

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        // Safe only because the carrier dedupes: both requests carry the reminder id as the key.
        Assert.Equal(Outcome.Sent, decision.Outcome);
        var requests = carriers.Twilio.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Equal(decision.ReminderId, request.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Relay_RefusedEverywhere_ReservationReleasedAndRetriesInsideCallerDeadline()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7107);

        // A Retry-After longer than the caller's deadline: the gateway does not wait for it.
        carriers.Twilio.Always(CarrierFault.Answer(503, retryAfterSeconds: 30));
        var decision = await SendWithinAsync(carriers, TestReminders.OverdueSms(debtor, debt, phone), TimeSpan.FromSeconds(3));

        Assert.Equal(Outcome.Failed, decision.Outcome);
        Assert.Equal([ReasonCode.CarrierUnavailable], decision.Reasons);
        Assert.Single(carriers.Twilio.Requests);

        // Released: both of the day's SMS slots are still free.
        carriers.Twilio.Always(null);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
    }

    [Fact]
    public async Task Relay_SlowRetriesAgainstShortDeadline_EndBeforeTheDeadline()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7108);
        carriers.Twilio.Always(new CarrierFault(Status: 503, Delay: TimeSpan.FromMilliseconds(700)));
        carriers.Vonage!.Always(new CarrierFault(Status: 503, Delay: TimeSpan.FromMilliseconds(700)));

        var decision = await SendWithinAsync(carriers, TestReminders.OverdueSms(debtor, debt, phone), TimeSpan.FromSeconds(2.5));

        Assert.Equal(Outcome.Failed, decision.Outcome);
        Assert.Equal(0, carriers.Twilio.Accepted + carriers.Vonage.Accepted);
    }

    /// <summary>Sends with a gRPC deadline of <paramref name="deadline"/> and asserts the decision came back before it.</summary>
    private static async Task<Decision> SendWithinAsync(CarrierTestEnvironment carriers, Reminder reminder, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var response = await carriers.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized(deadline));
        clock.Stop();
        Assert.True(clock.Elapsed < deadline, $"took {clock.Elapsed}");
        return response.Decision;
    }
}
