using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;
using Lending.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>
/// A held reminder is rechecked when the gateway releases it at its not_before, never sent on the
/// strength of the first decision: a debtor who repaid meanwhile gets nothing.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RepaidAfterDeferralTests(RedisFixture redis)
{
    [Theory]
    [InlineData(ReasonCode.QuietHours, 8301)]
    [InlineData(ReasonCode.RecheckUnavailable, 8302)]
    public async Task Release_AtNotBeforeAfterDebtorRepaid_SuppressedAlreadyPaidAndNothingSent(ReasonCode deferredBy, int debtorNumber)
    {
        // Deferred by quiet hours: 22:00 in Washington, D.C. By the recheck: daytime, the lender failing.
        var clock = deferredBy == ReasonCode.QuietHours ? new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)) : GatewayTestHost.DaytimeClock();
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, debtorNumber);
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(clock.GetUtcNow().AddDays(1));
        if (deferredBy == ReasonCode.RecheckUnavailable)
        {
            env.Lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Unavailable));
        }

        var deferred = await env.Gateway.SendAsync(reminder);
        env.Lender.Faults.Clear();
        env.Lender.Ledger.SetStatus(debt, RepaymentStatus.PaidInFull);
        clock.SetUtcNow(deferred.NotBefore.ToDateTimeOffset());
        var callsBefore = env.Lender.Faults.Calls;
        var released = await env.Gateway.AwaitReleaseAsync(debtor, deferred.ReminderId);
        var resubmitted = await env.Gateway.SendAsync(reminder);

        Assert.Equal(Outcome.Deferred, deferred.Outcome);
        Assert.True(deferred.Held);
        Assert.Equal([deferredBy], deferred.Reasons);
        Assert.Equal(Outcome.Suppressed, released.Outcome);
        Assert.Equal([ReasonCode.AlreadyPaid], released.Reasons);
        Assert.Equal(deferred.ReminderId, released.ReminderId);
        Assert.Equal(callsBefore + 2, env.Lender.Faults.Calls);
        Assert.True(resubmitted.Replayed);
        Assert.Equal(Outcome.Suppressed, resubmitted.Outcome);
        Assert.Empty(env.Gateway.ReadOutbox());
    }
}
