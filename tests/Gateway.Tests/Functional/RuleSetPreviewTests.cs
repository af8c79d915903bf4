using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>
/// Seeing a change before it goes live: ValidateRuleSet replays reminders against the candidate
/// and names what would change and why; a version with effectiveFrom waits for its instant.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RuleSetPreviewTests(RedisFixture redis)
{
    [Fact]
    public async Task ValidateRuleSet_WithReplay_NamesWhichRemindersTheCandidateDecidesDifferentlyAndWhy()
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var otherName = TestReminders.OverdueSms();
        otherName.TemplateParameters["first_name"] = "Blake";
        var request = new ValidateRuleSetRequest
        {
            RuleSetJson = RuleSetCandidates.Closed,
            ReplayTenantId = environment.Gateway.TenantId,
            Replay = { TestReminders.OverdueEmail(), TestReminders.OverdueSms(), otherName },
        };

        var response = await environment.Gateway.Admin.ValidateRuleSetAsync(request, GatewayTestHost.AsAdmin());

        Assert.True(response.Valid);
        Assert.Equal([true, true, false], response.Replayed.Select(r => r.Changed));
        var email = response.Replayed[0];
        Assert.Equal((ReplayOutcome.Passes, ReplayOutcome.Suppressed), (email.InForce, email.Candidate));
        Assert.Equal([ReasonCode.ChannelNotAllowed, ReasonCode.ContentRejected], email.CandidateReasons);
        Assert.Contains(email.Why, why => why.StartsWith("channel_permission: PASS -> SUPPRESS", StringComparison.Ordinal));
        Assert.Equal([ReasonCode.ContentRejected], response.Replayed[1].CandidateReasons);
        Assert.Equal(ReplayOutcome.Passes, response.Replayed[2].Candidate);

        // Nothing went live.
        Assert.Equal(1, (await environment.Gateway.EvaluateAsync(TestReminders.OverdueEmail())).RuleSetVersion);
    }

    [Fact]
    public async Task Update_WithEffectiveFromLater_KeepsThePreviousVersionDecidingUntilThen()
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var from = environment.Clock.GetUtcNow().AddHours(1);
        var candidate = RuleSetCandidates.ClosedFrom(from);
        await environment.Gateway.Admin.UpdateRuleSetAsync(
            new UpdateRuleSetRequest { RuleSetJson = candidate, ExpectedVersion = 1, Author = "compliance@acme", Reason = "from the top of the hour" },
            GatewayTestHost.AsAdmin());

        var before = await environment.Gateway.EvaluateAsync(TestReminders.OverdueEmail());
        environment.Clock.Advance(TimeSpan.FromHours(1));
        var after = await environment.Gateway.EvaluateAsync(TestReminders.OverdueEmail());

        Assert.Equal(1, before.RuleSetVersion);
        Assert.DoesNotContain(ReasonCode.ChannelNotAllowed, before.Reasons);
        Assert.Equal(2, after.RuleSetVersion);
        Assert.Contains(ReasonCode.ChannelNotAllowed, after.Reasons);
    }
}
