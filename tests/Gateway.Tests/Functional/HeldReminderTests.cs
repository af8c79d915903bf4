using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>
/// Deferred delivery: the gateway holds a deferred reminder and releases it itself, once, at the
/// right time, after every guardrail is checked again; cancelled or expired ones never go; and the
/// debtor's history answers a complaint.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class HeldReminderTests(RedisFixture redis)
{
    /// <summary>22:00 in Washington, D.C.: quiet hours; contact opens at 13:00Z.</summary>
    private static readonly DateTimeOffset Night = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Opening = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HeldReminder_ReleasedWhenContactHoursOpen_SentOnceUnderItsOwnId()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6101);
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1));

        var deferred = await SendAsync(env, reminder);
        var retried = await SendAsync(env, reminder);

        // On main the key of a held reminder answered "still being decided" for the whole hold.
        var byKeyWhileHeld = await ByKeyAsync(env, debtor, reminder.IdempotencyKey);
        await Task.Delay(300);
        Assert.Empty(env.Gateway.ReadOutbox());
        clock.SetUtcNow(Opening);
        var released = await env.Gateway.AwaitReleaseAsync(debtor, deferred.ReminderId);
        await Task.Delay(300);

        Assert.True(deferred.Held);
        Assert.Equal(Opening, deferred.NotBefore.ToDateTimeOffset());
        Assert.True(retried.Replayed);
        Assert.Equal(Outcome.Deferred, retried.Outcome);
        Assert.Equal((deferred.ReminderId, Outcome.Deferred, true), (byKeyWhileHeld.ReminderId, byKeyWhileHeld.Outcome, byKeyWhileHeld.Held));
        Assert.True(released.Outcome == Outcome.Sent, released.ToString());
        Assert.Equal(deferred.ReminderId, released.ReminderId);
        var line = Assert.Single(env.Gateway.ReadOutbox());
        Assert.Equal(deferred.ReminderId, line.ReminderId);
        Assert.Equal(Opening, line.AcceptedAt);
    }

    [Fact]
    public async Task OptedOutWhileHeld_ReleaseSuppressedAndTheHoldEnds()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6106);
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1));
        var deferred = await SendAsync(env, reminder);
        await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone } }, GatewayTestHost.Authorized());

        clock.SetUtcNow(Opening);
        var released = await env.Gateway.AwaitReleaseAsync(debtor, deferred.ReminderId);
        var metrics = await WaitForMetricAsync(env, "gateway_deferred_pending", 0);

        // On main the key still answered DEFERRED, with a not_before in the past.
        var byKey = await ByKeyAsync(env, debtor, reminder.IdempotencyKey);
        var retried = await SendAsync(env, reminder);
        Assert.Equal((deferred.ReminderId, Outcome.Suppressed), (byKey.ReminderId, byKey.Outcome));
        Assert.Equal((true, Outcome.Suppressed), (retried.Replayed, retried.Outcome));

        Assert.Equal(Outcome.Suppressed, released.Outcome);
        Assert.Equal([ReasonCode.OptedOut], released.Reasons);
        Assert.Empty(env.Gateway.ReadOutbox());
        Assert.Equal(1, GatewayTestHost.Sample(metrics, "gateway_deferred_released_total{outcome=\"suppressed\"}"));
    }

    [Fact]
    public async Task DeferredPending_OnMetrics_CountsHeldReminders()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        for (var n = 6110; n < 6113; n++)
        {
            var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, n);
            await SendAsync(env, TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1)));
        }

        var metrics = await WaitForMetricAsync(env, "gateway_deferred_pending", 3);

        Assert.Equal(3, GatewayTestHost.Sample(metrics, "gateway_deferred_pending"));
        Assert.Equal(0, GatewayTestHost.Sample(metrics, "gateway_review_pending"));
        Assert.Equal(0, GatewayTestHost.Sample(metrics, "gateway_deferred_oldest_due_age_seconds"));
    }

    [Fact]
    public async Task PaymentPostedWhileHeld_CancelledForTheDebt_NeverSentAndTheRecordSaysWhy()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6102);
        var sms = await SendAsync(env, TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1)));
        var mail = await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email).Deferrable(Night.AddDays(1)));

        var cancelled = await env.Gateway.Reminders.CancelRemindersForDebtAsync(new CancelRemindersForDebtRequest { DebtorId = debtor, DebtId = debt, Reason = "payment received" }, GatewayTestHost.Authorized());
        clock.SetUtcNow(Opening);
        await Task.Delay(800);
        var record = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = sms.ReminderId }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(new[] { sms.ReminderId, mail.ReminderId }.Order(), cancelled.CancelledReminderIds.Order());
        Assert.Empty(env.Gateway.ReadOutbox());
        Assert.Equal(Outcome.Suppressed, record.Outcome);
        Assert.Equal([ReasonCode.Cancelled], record.Reasons);
        Assert.Equal("payment received", record.Verdicts.Last().Detail);
    }

    [Fact]
    public async Task CancelReminder_ByIdempotencyKey_NeverSentAndSecondCancelRefused()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6103);
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1));
        await SendAsync(env, reminder);

        var cancelled = await env.Gateway.Reminders.CancelReminderAsync(new CancelReminderRequest { DebtorId = debtor, IdempotencyKey = reminder.IdempotencyKey, Reason = "sent by mistake" }, GatewayTestHost.Authorized());
        var again = await Assert.ThrowsAsync<RpcException>(async () => await env.Gateway.Reminders.CancelReminderAsync(
            new CancelReminderRequest { DebtorId = debtor, IdempotencyKey = reminder.IdempotencyKey, Reason = "again" }, GatewayTestHost.Authorized()));
        var replay = await SendAsync(env, reminder);
        clock.SetUtcNow(Opening);
        await Task.Delay(800);

        Assert.Equal(Outcome.Suppressed, cancelled.Decision.Outcome);
        Assert.Equal([ReasonCode.Cancelled], cancelled.Decision.Reasons);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.True(replay.Replayed);
        Assert.Equal(Outcome.Suppressed, replay.Outcome);
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task HeldReminder_PastItsValidity_ExpiresAndIsNeverSent()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6104);
        var deferred = await SendAsync(env, TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Opening.AddMinutes(30)));

        // The instance was down through the whole window the reminder was valid in.
        clock.SetUtcNow(Opening.AddHours(2));
        var ended = await env.Gateway.AwaitReleaseAsync(debtor, deferred.ReminderId);

        Assert.Equal(Outcome.Suppressed, ended.Outcome);
        Assert.Equal([ReasonCode.Expired], ended.Reasons);
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task ComplaintWalkThrough_FromDebtorIdToEveryDecisionEachExplained()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 6105);

        // One held at night and released in the morning, then in the afternoon: one sent, one to
        // a number the debtor opted out of, one sent, one past the daily cap.
        var held = await SendAsync(env, TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1)));
        clock.SetUtcNow(Opening);
        await env.Gateway.AwaitReleaseAsync(debtor, held.ReminderId);

        // Afternoon: inside contact hours in every US zone, as email (no number to place it) needs.
        clock.SetUtcNow(Opening.AddHours(7));
        await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email));
        await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone } }, GatewayTestHost.Authorized());
        await SendAsync(env, TestReminders.OverdueSms(debtor, debt, phone));
        await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email));
        await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email));

        // The complaint: "why was I contacted, and what else did you try?" Page through everything.
        var records = new List<DecisionRecord>();
        var token = string.Empty;
        do
        {
            var page = await env.Gateway.Reminders.ListDecisionsAsync(new ListDecisionsRequest { DebtorId = debtor, PageSize = 2, PageToken = token }, GatewayTestHost.Authorized());
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(records[2].Decision.Outcome == Outcome.Sent, records[2].ToString());
        Assert.Equal(
            [(RecordEvent.Decided, Outcome.Deferred), (RecordEvent.Released, Outcome.Sent), (RecordEvent.Decided, Outcome.Sent),
             (RecordEvent.Decided, Outcome.Suppressed), (RecordEvent.Decided, Outcome.Sent), (RecordEvent.Decided, Outcome.Suppressed)],
            records.Select(r => (r.Event, r.Decision.Outcome)));
        Assert.Equal([ReasonCode.OptedOut], records[3].Decision.Reasons);
        Assert.Equal([ReasonCode.CapExceeded], records[5].Decision.Reasons);
        Assert.All(records, r =>
        {
            Assert.Equal(1, r.Decision.RuleSetVersion);
            Assert.NotEmpty(r.Decision.Verdicts);
            Assert.Equal(debtor, r.Decision.DebtorId);
        });
        Assert.Equal(records.Select(r => r.RecordedAt.ToDateTimeOffset()).Order(), records.Select(r => r.RecordedAt.ToDateTimeOffset()));
    }

    /// <summary>The gauges are measured every few seconds: wait (bounded) until one reads the value.</summary>
    private static async Task<string> WaitForMetricAsync(TestEnvironment env, string series, double value)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string metrics;
        do
        {
            metrics = await env.Gateway.ScrapeMetricsAsync();
            if (GatewayTestHost.Sample(metrics, series) == value && metrics.Contains(series + " ", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(15));
        return metrics;
    }

    private static async Task<Decision> SendAsync(TestEnvironment env, Reminder reminder) =>
        (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

    private static async Task<Decision> ByKeyAsync(TestEnvironment env, string debtorId, string key) =>
        (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtorId, IdempotencyKey = key }, GatewayTestHost.Authorized())).Decision;
}
