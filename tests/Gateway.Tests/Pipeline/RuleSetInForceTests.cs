using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Pipeline;

/// <summary>
/// Every caller of the pipeline is decided by the rule set in force at its instant: a held
/// reminder's release and a review approval too, not a newer version accepted for later.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RuleSetInForceTests(RedisFixture redis)
{
    /// <summary>02:00 in Washington, D.C. and 21:00 in Honolulu the evening before: quiet hours in both.</summary>
    private static readonly DateTimeOffset Night = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    /// <summary>08:00 in Washington, D.C.: contact hours open there.</summary>
    private static readonly DateTimeOffset EasternOpening = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    /// <summary>When the newer version takes effect: between the two openings.</summary>
    private static readonly DateTimeOffset EffectiveFrom = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>08:00 in Honolulu.</summary>
    private static readonly DateTimeOffset HawaiiOpening = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HeldReminder_ReleasedBeforeANewerVersionTakesEffect_IsDecidedByTheVersionInForce_AndAfterItByTheNewer()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var eastern = TestSeed.AddDueDebtor(env.Lender.Ledger, 6301);
        var hawaii = TestSeed.AddDueDebtor(env.Lender.Ledger, 6302, areaCode: "808");
        var early = await SendAsync(env, TestReminders.OverdueSms(eastern.DebtorId, eastern.DebtId, eastern.Phone).Deferrable(Night.AddDays(1)));
        var late = await SendAsync(env, TestReminders.OverdueSms(hawaii.DebtorId, hawaii.DebtId, hawaii.Phone).Deferrable(Night.AddDays(1)));
        await UpdateEffectiveFromAsync(env, EffectiveFrom);

        clock.SetUtcNow(EasternOpening);
        var releasedEarly = await env.Gateway.AwaitReleaseAsync(eastern.DebtorId, early.ReminderId);
        clock.SetUtcNow(HawaiiOpening);
        var releasedLate = await env.Gateway.AwaitReleaseAsync(hawaii.DebtorId, late.ReminderId);

        Assert.Equal((EasternOpening, HawaiiOpening), (early.NotBefore.ToDateTimeOffset(), late.NotBefore.ToDateTimeOffset()));
        Assert.True(releasedEarly.Outcome == Outcome.Sent, releasedEarly.ToString());
        Assert.Equal(1, releasedEarly.RuleSetVersion);
        Assert.Equal(Outcome.Suppressed, releasedLate.Outcome);
        Assert.Equal(2, releasedLate.RuleSetVersion);
        Assert.Contains(ReasonCode.ContentRejected, releasedLate.Reasons);
        Assert.Equal(early.ReminderId, Assert.Single(env.Gateway.ReadOutbox()).ReminderId);
    }

    [Fact]
    public async Task ReviewApproval_BeforeANewerVersionTakesEffect_IsDecidedByTheVersionInForce_AndItsAnswerIsTheStoredRecord()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var review = new ReviewService.ReviewServiceClient(env.Gateway.Channel);
        var first = TestSeed.AddDueDebtor(env.Lender.Ledger, 6303);
        var second = TestSeed.AddDueDebtor(env.Lender.Ledger, 6304);
        var heldFirst = await SendLegalNoticeAsync(env, first);
        var heldSecond = await SendLegalNoticeAsync(env, second);
        await UpdateEffectiveFromAsync(env, env.Clock.GetUtcNow().AddHours(1));

        var approvedBefore = (await review.ApproveReminderAsync(new ApproveReminderRequest { DebtorId = first.DebtorId, ReminderId = heldFirst.ReminderId, Reviewer = "reviewer-7" }, GatewayTestHost.Authorized())).Decision;
        var storedBefore = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = first.DebtorId, ReminderId = heldFirst.ReminderId }, GatewayTestHost.Authorized())).Decision;
        env.Clock.Advance(TimeSpan.FromHours(1));
        var approvedAfter = (await review.ApproveReminderAsync(new ApproveReminderRequest { DebtorId = second.DebtorId, ReminderId = heldSecond.ReminderId, Reviewer = "reviewer-8" }, GatewayTestHost.Authorized())).Decision;
        var storedAfter = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = second.DebtorId, ReminderId = heldSecond.ReminderId }, GatewayTestHost.Authorized())).Decision;

        Assert.True(approvedBefore.Outcome == Outcome.Sent, approvedBefore.ToString());
        Assert.Equal(1, approvedBefore.RuleSetVersion);
        Assert.Contains(approvedBefore.Verdicts, v => v.Rule == "review" && v.Verdict == Verdict.Pass && v.Detail == "approved by reviewer-7");
        Assert.Equal(approvedBefore, storedBefore);
        Assert.Equal(Outcome.Suppressed, approvedAfter.Outcome);
        Assert.Equal(2, approvedAfter.RuleSetVersion);
        Assert.Equal(approvedAfter, storedAfter);
    }

    private static async Task UpdateEffectiveFromAsync(TestEnvironment env, DateTimeOffset from)
    {
        var candidate = RuleSetCandidates.ClosedFrom(from);
        await env.Gateway.Admin.UpdateRuleSetAsync(
            new UpdateRuleSetRequest { RuleSetJson = candidate, ExpectedVersion = 1, Author = "compliance@acme", Reason = "from later today" },
            GatewayTestHost.AsAdmin());
    }

    private static async Task<Decision> SendAsync(TestEnvironment env, Reminder reminder) =>
        (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

    private static async Task<Decision> SendLegalNoticeAsync(TestEnvironment env, (string DebtorId, string DebtId, string Phone, string Email) debtor)
    {
        var reminder = TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email);
        reminder.Purpose = Purpose.CollectionNotice;
        reminder.TemplateId = "collection-legal-email";
        return await SendAsync(env, reminder);
    }
}
