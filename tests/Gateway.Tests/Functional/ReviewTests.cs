using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>Human review: a notice the rule set marks for review waits for a person; approval runs every guardrail again.</summary>
[Collection(RedisTests.Name)]
public sealed class ReviewTests(RedisFixture redis)
{
    [Fact]
    public async Task HeldForReview_NotSentUntilApproved_ApprovedAfterOptOutIsSuppressed_RejectedNeverGoes()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var review = new ReviewService.ReviewServiceClient(env.Gateway.Channel);
        var approvedLater = TestSeed.AddDueDebtor(env.Lender.Ledger, 6201);
        var optedOut = TestSeed.AddDueDebtor(env.Lender.Ledger, 6202);
        var rejected = TestSeed.AddDueDebtor(env.Lender.Ledger, 6203);

        var first = await SendLegalNoticeAsync(env, approvedLater);
        var second = await SendLegalNoticeAsync(env, optedOut);
        var third = await SendLegalNoticeAsync(env, rejected);
        var pending = await review.ListPendingReviewsAsync(new ListPendingReviewsRequest(), GatewayTestHost.Authorized());
        Assert.Empty(env.Gateway.ReadOutbox());

        var approved = await review.ApproveReminderAsync(new ApproveReminderRequest { DebtorId = approvedLater.DebtorId, ReminderId = first.ReminderId, Reviewer = "reviewer-7" }, GatewayTestHost.Authorized());
        await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = optedOut.DebtorId, Channel = Channel.Email, ContactPoint = optedOut.Email } }, GatewayTestHost.Authorized());
        var approvedAfterOptOut = await review.ApproveReminderAsync(new ApproveReminderRequest { DebtorId = optedOut.DebtorId, ReminderId = second.ReminderId, Reviewer = "reviewer-7" }, GatewayTestHost.Authorized());
        var refused = await review.RejectReminderAsync(new RejectReminderRequest { DebtorId = rejected.DebtorId, ReminderId = third.ReminderId, Reviewer = "reviewer-9", Reason = "tone too strong" }, GatewayTestHost.Authorized());
        var approveAgain = await Assert.ThrowsAsync<RpcException>(async () => await review.ApproveReminderAsync(
            new ApproveReminderRequest { DebtorId = rejected.DebtorId, ReminderId = third.ReminderId, Reviewer = "reviewer-7" }, GatewayTestHost.Authorized()));
        var after = await review.ListPendingReviewsAsync(new ListPendingReviewsRequest(), GatewayTestHost.Authorized());

        Assert.All([first, second, third], held =>
        {
            Assert.Equal(Outcome.Deferred, held.Outcome);
            Assert.True(held.Held);
            Assert.Equal([ReasonCode.PendingReview], held.Reasons);
            Assert.Null(held.NotBefore);
        });
        Assert.Equal(new[] { first.ReminderId, second.ReminderId, third.ReminderId }.Order(), pending.Reviews.Select(r => r.ReminderId).Order());
        Assert.All(pending.Reviews, r => Assert.Equal("collection-legal-email", r.TemplateId));
        Assert.True(approved.Decision.Outcome == Outcome.Sent, approved.Decision.ToString());
        Assert.Equal(first.ReminderId, Assert.Single(env.Gateway.ReadOutbox()).ReminderId);
        Assert.Equal(Outcome.Suppressed, approvedAfterOptOut.Decision.Outcome);
        Assert.Equal([ReasonCode.OptedOut], approvedAfterOptOut.Decision.Reasons);
        Assert.Equal([ReasonCode.ReviewRejected], refused.Decision.Reasons);
        Assert.Contains("tone too strong", refused.Decision.Verdicts.Last().Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, approveAgain.StatusCode);
        Assert.Empty(after.Reviews);
        Assert.Single(env.Gateway.ReadOutbox());
    }

    private static async Task<Decision> SendLegalNoticeAsync(TestEnvironment env, (string DebtorId, string DebtId, string Phone, string Email) debtor)
    {
        var reminder = TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email);
        reminder.Purpose = Purpose.CollectionNotice;
        reminder.TemplateId = "collection-legal-email";
        return (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;
    }
}
