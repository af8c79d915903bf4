using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// Replaying listed reminders against a candidate through the store: consent, opt-outs and caps
/// read the debtor's real counts, each rule set with its own caps, while nothing is reserved,
/// sent or recorded, and a used idempotency key is decided again rather than answered as a duplicate.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RuleSetReplayTests(RedisFixture redis)
{
    [Fact]
    public async Task ValidateRuleSet_ReplayThroughTheStore_NamesCapAndConsentChangesAndReservesNothing()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var capped = TestSeed.AddDueDebtor(env.Lender.Ledger, 7101);
        var noConsent = TestSeed.AddDueDebtor(env.Lender.Ledger, 7102);
        var optedOut = TestSeed.AddDueDebtor(env.Lender.Ledger, 7103);

        // Two real sends fill 2 of the debtor's 3 a day (the candidate allows 2).
        var firstSent = TestReminders.OverdueEmail(capped.DebtorId, capped.DebtId, capped.Email);
        Assert.Equal(Outcome.Sent, (await env.Gateway.SendAsync(firstSent)).Outcome);
        Assert.Equal(Outcome.Sent, (await env.Gateway.SendAsync(TestReminders.OverdueEmail(capped.DebtorId, capped.DebtId, capped.Email))).Outcome);
        await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = optedOut.DebtorId, Channel = Channel.Sms, ContactPoint = optedOut.Phone } }, GatewayTestHost.Authorized());
        var outboxBefore = env.Gateway.ReadOutbox().Count;

        var response = await env.Gateway.Admin.ValidateRuleSetAsync(
            new ValidateRuleSetRequest
            {
                RuleSetJson = RuleSetCandidates.Stricter,
                ReplayTenantId = env.Gateway.TenantId,
                Replay =
                {
                    firstSent,
                    TestReminders.OverdueEmail(capped.DebtorId, capped.DebtId, capped.Email),
                    TestReminders.OverdueSms(noConsent.DebtorId, noConsent.DebtId, noConsent.Phone),
                    TestReminders.OverdueSms(optedOut.DebtorId, optedOut.DebtId, optedOut.Phone),
                },
            },
            GatewayTestHost.AsAdmin());

        Assert.True(response.Valid);
        Assert.Equal([true, true, true, false], response.Replayed.Select(r => r.Changed));

        // The key of a reminder already sent is replayed like any other: not DUPLICATE.
        foreach (var capChange in response.Replayed.Take(2))
        {
            Assert.Equal((ReplayOutcome.Passes, ReplayOutcome.Suppressed), (capChange.InForce, capChange.Candidate));
            Assert.Empty(capChange.InForceReasons);
            Assert.Equal([ReasonCode.CapExceeded], capChange.CandidateReasons);
            Assert.Equal(["cap:debtor-all-24h: PASS -> SUPPRESS (2 of 2 in P1D before this one)"], capChange.Why);
            Assert.Equal("in force v1: PASSES; candidate: SUPPRESSED by cap:debtor-all-24h", capChange.Summary);
        }

        var consent = response.Replayed[2];
        Assert.Equal((ReplayOutcome.Passes, ReplayOutcome.Suppressed), (consent.InForce, consent.Candidate));
        Assert.Equal([ReasonCode.ConsentMissing], consent.CandidateReasons);
        Assert.Equal(["consent: PASS -> SUPPRESS (sms needs recorded consent in US)"], consent.Why);

        var stop = response.Replayed[3];
        Assert.Equal((ReplayOutcome.Suppressed, ReplayOutcome.Suppressed), (stop.InForce, stop.Candidate));
        Assert.Equal([ReasonCode.OptedOut], stop.InForceReasons);
        Assert.Equal([ReasonCode.OptedOut], stop.CandidateReasons);
        Assert.Empty(stop.Why);

        // Nothing sent, nothing reserved: eight store checks later the debtor still has 2 of 3,
        // so a real third send goes; the used key still answers with its first decision.
        Assert.Equal(outboxBefore, env.Gateway.ReadOutbox().Count);
        var third = await env.Gateway.SendAsync(TestReminders.OverdueEmail(capped.DebtorId, capped.DebtId, capped.Email));
        Assert.Equal(Outcome.Sent, third.Outcome);
        Assert.Contains(third.Verdicts, v => v.Rule == "cap:debtor-all-24h" && v.Detail == "2 of 3 in P1D before this one");
        var retried = await env.Gateway.SendAsync(firstSent);
        Assert.True(retried.Replayed);
        Assert.Equal(outboxBefore + 1, env.Gateway.ReadOutbox().Count);
    }

    [Fact]
    public async Task ValidateRuleSet_ReplayWhileTheStoreIsDown_Unavailable()
    {
        await using var server = await RedisServer.StartAsync();
        await using var env = await TestEnvironment.StartAsync(server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Store:OperationTimeout"] = "00:00:00.300" });
        await server.KillAsync();

        var request = new ValidateRuleSetRequest
        {
            RuleSetJson = RuleSetCandidates.Stricter,
            ReplayTenantId = env.Gateway.TenantId,
            Replay = { Enumerable.Range(0, 40).Select(_ => TestReminders.OverdueEmail()) },
        };
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await env.Gateway.Admin.ValidateRuleSetAsync(request, GatewayTestHost.AsAdmin()));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal("STORE_UNAVAILABLE", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Empty(env.Gateway.ReadOutbox());
    }
}
