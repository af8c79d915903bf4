using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>
/// Replaying the requests a tenant recently decided against a candidate, each at the instant it
/// was decided: which of them the candidate would have decided differently, next to what was recorded.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RecentReplayTests(RedisFixture redis)
{
    /// <summary>Monday 10:00 in Washington, D.C. (UTC-5): the first send of the day.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ValidateRuleSet_ReplayRecentWithNarrowerHours_ExactlyTheDecisionsOutsideThemChange()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, new FakeTimeProvider(Morning));
        await using var other = await TestEnvironment.StartAsync(redis.Server.ConnectionString, new FakeTimeProvider(Morning));
        Assert.Equal(Outcome.Sent, (await other.Gateway.SendAsync(TestReminders.OverdueSms())).Outcome);

        // A dry run is not a decision made: it is not logged.
        Assert.Equal(Outcome.Sent, (await env.Gateway.EvaluateAsync(TestReminders.OverdueSms())).Outcome);

        // Local times in D.C.: 10:00 and 13:30 are inside the candidate's 09:00-14:00; 14:30 and 15:00
        // are not. The last one allows deferral (the candidate would defer it), the others do not
        // (the candidate would suppress them).
        var sent = new List<Decision>();
        foreach (var (offset, n) in new[] { (TimeSpan.Zero, 7201), (TimeSpan.FromHours(3.5), 7202), (TimeSpan.FromHours(4.5), 7203), (TimeSpan.FromHours(5), 7204) })
        {
            env.Clock.SetUtcNow(Morning + offset);
            var debtor = TestSeed.AddDueDebtor(env.Lender.Ledger, n);
            var reminder = TestReminders.OverdueSms(debtor.DebtorId, debtor.DebtId, debtor.Phone);
            var decision = await env.Gateway.SendAsync(n == 7204 ? reminder.Deferrable(env.Clock.GetUtcNow().AddDays(1)) : reminder);
            Assert.Equal(Outcome.Sent, decision.Outcome);
            sent.Add(decision);
        }

        var all = await ReplayRecentAsync(env, new ReplayRecent(), expected: 4);
        var limited = await ReplayRecentAsync(env, new ReplayRecent { Limit = 3 });
        var since = await ReplayRecentAsync(env, new ReplayRecent { Since = Timestamp.FromDateTimeOffset(Morning.AddHours(4)) });
        var otherTenant = await ReplayRecentAsync(other, new ReplayRecent(), expected: 1);

        // Newest first, each with what was recorded then.
        Assert.Equal(sent.Select(d => d.ReminderId).Reverse(), all.Select(r => r.Recorded.ReminderId));
        Assert.Equal([true, true, false, false], all.Select(r => r.Changed));
        Assert.All(all, r => Assert.Equal((Outcome.Sent, 1L), (r.Recorded.Outcome, r.Recorded.RuleSetVersion)));
        Assert.All(all, r => Assert.Equal(r.Recorded.DecidedAt, r.DecidedAt));
        var late = all[0];
        Assert.Equal((ReplayOutcome.Passes, ReplayOutcome.Deferred), (late.InForce, late.Candidate));
        Assert.Equal([ReasonCode.QuietHours], late.CandidateReasons);
        Assert.Equal("recorded SENT under v1; in force v1: PASSES; candidate: DEFERRED by quiet_hours", late.Summary);
        Assert.Equal(["quiet_hours: PASS -> DEFER (outside contact hours in at least one of America/New_York; allowed from 2026-11-24T09:00:00.0000000-05:00)"], late.Why);
        Assert.Equal(sent[3].IdempotencyKey, late.IdempotencyKey);
        Assert.Equal("recorded SENT under v1; in force v1: PASSES; candidate: SUPPRESSED by quiet_hours", all[1].Summary);

        Assert.Equal(all.Take(3).Select(r => r.Recorded.ReminderId), limited.Select(r => r.Recorded.ReminderId));
        Assert.Equal(all.Take(2).Select(r => r.Recorded.ReminderId), since.Select(r => r.Recorded.ReminderId));
        Assert.DoesNotContain(otherTenant.Single().Recorded.ReminderId, all.Select(r => r.Recorded.ReminderId));

        // Only the tenant id names the log; nothing in it shows a number in clear.
        await using var admin = await redis.Server.ConnectAsync();
        var keys = new List<string>();
        await foreach (var key in admin.GetServer(redis.Server.ConnectionString).KeysAsync(pattern: "gw:recent:*"))
        {
            keys.Add(key!);
        }

        Assert.Contains($"gw:recent:{{{env.Gateway.TenantId}}}", keys);
        Assert.Contains($"gw:recent:{{{other.Gateway.TenantId}}}", keys);
        var entries = await admin.GetDatabase().ListRangeAsync($"gw:recent:{{{env.Gateway.TenantId}}}");
        Assert.Equal(4, entries.Length);
        foreach (var phone in new[] { "+12025557201", "2025557201", "5557201", "+12025557204", "5557204", "debtor7201@example.com", "debtor7201" })
        {
            Assert.DoesNotContain(keys, key => key.Contains(phone, StringComparison.Ordinal));
            Assert.DoesNotContain(entries, entry => ((string)entry!).Contains(phone, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ReplayRecent_BeyondCapacityOrUnreadable_KeepsTheNewestAndNamesWhatCannotBeRead()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:RecentDecisions:Capacity"] = "3" });
        var sent = new List<string>();
        for (var n = 7301; n <= 7305; n++)
        {
            var debtor = TestSeed.AddDueDebtor(env.Lender.Ledger, n);
            sent.Add((await env.Gateway.SendAsync(TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email))).ReminderId);
            env.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(5, await env.Gateway.AwaitMetricAsync("gateway_recent_requests_logged_total", 5));
        var kept = await ReplayRecentAsync(env, new ReplayRecent(), expected: 3);
        Assert.Equal(sent.AsEnumerable().Reverse().Take(3), kept.Select(r => r.Recorded.ReminderId));

        // A second host of the same tenant whose key differs (the secret was rotated) cannot open
        // them, and a damaged entry is named as such: neither fails the call.
        await using (var admin = await redis.Server.ConnectAsync())
        {
            await admin.GetDatabase().ListLeftPushAsync($"gw:recent:{{{env.Gateway.TenantId}}}", "not an entry");
        }

        await using var rotated = await GatewayTestHost.StartAsync(redis.Server.ConnectionString, env.Lender.Address, env.Clock, new Dictionary<string, string?> { ["Gateway:ContactHashKey"] = "a-rotated-contact-hash-key-0123456789" }, tenantId: env.Gateway.TenantId);
        var response = await rotated.Admin.ValidateRuleSetAsync(
            new ValidateRuleSetRequest { RuleSetJson = RuleSetCandidates.Open, ReplayTenantId = rotated.TenantId, ReplayRecent = new ReplayRecent() },
            GatewayTestHost.AsAdmin());

        Assert.Equal(4, response.ReplayedRecent.Count);
        Assert.All(response.ReplayedRecent, r => Assert.Equal((ReplayOutcome.Unreadable, ReplayOutcome.Unreadable, false), (r.InForce, r.Candidate, r.Changed)));
        Assert.Contains("damaged", Assert.Single(response.ReplayedRecent[0].Why), StringComparison.Ordinal);
        Assert.Contains("Gateway:ContactHashKey", Assert.Single(response.ReplayedRecent[1].Why), StringComparison.Ordinal);
        Assert.Equal(sent[^1], response.ReplayedRecent[1].Recorded.ReminderId);
    }

    /// <summary>Replays the tenant's recent decisions against the candidate with narrower hours; waits (bounded) for <paramref name="expected"/> entries, as the log is written in the background.</summary>
    internal static async Task<IReadOnlyList<ReplayedReminder>> ReplayRecentAsync(TestEnvironment env, ReplayRecent recent, int expected = 0)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await env.Gateway.Admin.ValidateRuleSetAsync(
                new ValidateRuleSetRequest { RuleSetJson = RuleSetCandidates.WithTenantHours(env.Gateway.TenantId), ReplayTenantId = env.Gateway.TenantId, ReplayRecent = recent },
                GatewayTestHost.AsAdmin());
            Assert.True(response.Valid);
            if (response.ReplayedRecent.Count >= expected || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return response.ReplayedRecent;
            }

            await Task.Delay(50);
        }
    }
}
