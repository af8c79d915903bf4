using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>The US preset's contactReverifyAfter (60 days) end to end, through the sandbox lender's answers.</summary>
[Collection(RedisTests.Name)]
public sealed class StaleNumberTests(RedisFixture redis)
{
    [Fact]
    public async Task SendReminder_NumberUnusedFor90DaysWithoutFreshCheck_SuppressedUntilCheckedAgain()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 8401);
        var longAgo = env.Clock.GetUtcNow().AddDays(-90);
        env.Lender.Ledger.Upsert(new SeedContact { DebtorId = debtor, Channel = "sms", Value = phone, LastInboundContactTime = longAgo, ReassignedCheckedTime = longAgo });

        var stale = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        env.Lender.Ledger.Upsert(new SeedContact { DebtorId = debtor, Channel = "sms", Value = phone, LastInboundContactTime = longAgo, ReassignedCheckedTime = env.Clock.GetUtcNow().AddHours(-1) });
        var rechecked = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Suppressed, stale.Outcome);
        Assert.Equal([ReasonCode.NumberReassigned], stale.Reasons);
        Assert.Contains("fresh reassigned-number check", stale.Verdicts.Single(v => v.Rule == "recheck.contact").Detail, StringComparison.Ordinal);
        Assert.Equal(Outcome.Sent, rechecked.Outcome);
        Assert.Single(env.Gateway.ReadOutbox());
    }
}
