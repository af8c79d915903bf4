using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// The per-lender circuit breaker over a real connection: it opens after repeated failures and
/// stops calling the lender, lets one probe through once its break (on the gateway's fake clock)
/// is over, and closes when the lender answers again; /metrics shows each state.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RecheckCircuitBreakerTests(RedisFixture redis)
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> Breaker = new()
    {
        ["Gateway:Recheck:Timeout"] = "00:00:02",
        ["Gateway:Recheck:BreakerMinimumThroughput"] = "4",
        ["Gateway:Recheck:BreakerFailureRatio"] = "0.5",
        ["Gateway:Recheck:BreakerSamplingDuration"] = "00:01:00",
        ["Gateway:Recheck:BreakerBreakDuration"] = "00:00:30",
    };

    [Fact]
    public async Task Breaker_RepeatedFailures_OpensStopsCallingThenClosesAfterBreakOnceLenderRecovers()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: Breaker);
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 8201);
        Reminder Reminder() => TestReminders.OverdueEmail(debtor, debt, email);
        Assert.Equal(0, await env.Gateway.CircuitStateAsync());

        // Four failed rechecks (two calls each) reach the minimum throughput: the breaker opens.
        env.Lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Unavailable));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(StatusCode.Unavailable, (await env.Gateway.SendRefusedAsync(Reminder())).StatusCode);
        }

        Assert.Equal(8, env.Lender.Faults.Calls);
        Assert.Equal(2, await env.Gateway.CircuitStateAsync());

        // While open, decisions fail closed at once and the lender is not called, even once it recovers.
        var refused = await env.Gateway.SendAsync(Reminder().Deferrable(env.Clock.GetUtcNow().AddHours(1)));
        env.Lender.Faults.Clear();
        await env.Gateway.SendRefusedAsync(Reminder());
        env.Clock.Advance(BreakDuration - TimeSpan.FromSeconds(1));
        await env.Gateway.SendRefusedAsync(Reminder());

        Assert.Equal(Outcome.Deferred, refused.Outcome);
        Assert.Equal([ReasonCode.RecheckUnavailable], refused.Reasons);
        Assert.All(
            refused.Verdicts.Where(v => v.Rule.StartsWith("recheck.", StringComparison.Ordinal)),
            v => Assert.Contains("circuit breaker for this lender is open", v.Detail, StringComparison.Ordinal));
        Assert.Equal(8, env.Lender.Faults.Calls);
        Assert.Equal(2, await env.Gateway.CircuitStateAsync());
        Assert.Empty(env.Gateway.ReadOutbox());

        // The break is over: one probe goes through (half-open while it is in flight) and closes the breaker.
        env.Clock.Advance(TimeSpan.FromSeconds(2));
        env.Lender.Faults.Set(new FaultSettings(Delay: TimeSpan.FromMilliseconds(700)));
        var probe = env.Gateway.SendAsync(Reminder());
        await WaitUntilAsync(() => env.Lender.Faults.Calls > 8);
        Assert.Equal(1, await env.Gateway.CircuitStateAsync());
        Assert.Equal(Outcome.Sent, (await probe).Outcome);
        Assert.Equal(0, await env.Gateway.CircuitStateAsync());

        env.Lender.Faults.Clear();
        Assert.Equal(Outcome.Sent, (await env.Gateway.SendAsync(Reminder())).Outcome);
        Assert.Equal(12, env.Lender.Faults.Calls);
        Assert.Equal(2, env.Gateway.ReadOutbox().Count);
    }

    [Fact]
    public async Task Breaker_ProbeFailsAfterBreak_OpensAgainWithoutFurtherCalls()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: Breaker);
        env.Lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Internal));
        for (var i = 0; i < 4; i++)
        {
            await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms());
        }

        env.Clock.Advance(BreakDuration + TimeSpan.FromSeconds(1));
        await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms());
        await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms());

        Assert.Equal(10, env.Lender.Faults.Calls);
        Assert.Equal(2, await env.Gateway.CircuitStateAsync());
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task Breaker_UnknownDebtRefusedByHealthyLender_StaysClosed()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: Breaker);

        // The sandbox answers NOT_FOUND for a debt it does not hold: a bad question, not a sick lender.
        for (var i = 0; i < 6; i++)
        {
            await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms(debtId: "L-NO-SUCH-DEBT"));
        }

        Assert.Equal(0, await env.Gateway.CircuitStateAsync());
        Assert.Equal(Outcome.Sent, (await env.Gateway.SendAsync(TestReminders.OverdueSms())).Outcome);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }
}
