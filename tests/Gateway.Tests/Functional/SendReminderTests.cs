using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// SendReminder end to end: real Kestrel on loopback, a real gRPC client, real redis-server, the
/// sandbox lender and the outbox carrier. The tests share one gateway, each with a debtor of its
/// own; those that move the clock, make the lender fail or stop it, or need other settings start
/// their own.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class SendReminderTests(RedisFixture redis, SharedEnvironment shared) : IClassFixture<SharedEnvironment>, IDisposable
{
    private TestEnvironment Env => shared.Env;

    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task SendReminder_DueDebtor_SendsOnceWithTemplateText()
    {
        // The seeded debtor, for its known amount and account: no other test of the class sends to it.
        var response = await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized());

        var decision = response.Decision;
        Assert.True(decision.Outcome == Outcome.Sent, decision.ToString());
        Assert.Empty(decision.Reasons);
        Assert.Equal("outbox", decision.Carrier);
        Assert.Equal(1, decision.RuleSetVersion);
        Assert.StartsWith("rem_", decision.ReminderId, StringComparison.Ordinal);
        var line = Assert.Single(Env.Gateway.ReadOutbox(TestSeed.DuePhone));
        Assert.Equal(decision.CarrierMessageId, line.MessageId);
        Assert.Equal(TestSeed.DuePhone, line.To);
        Assert.Equal(
            "Acme Lending: Hi Avery, a payment of USD 120.50 on account ****0001 was due on Sunday, November 1, 2026. Pay in the app or call us. Reply STOP to opt out.",
            line.Body);
        Assert.All(decision.Verdicts, verdict => Assert.Equal(Verdict.Pass, verdict.Verdict));
        Assert.Contains(decision.Verdicts, verdict => verdict.Rule == "recheck.repayment");
    }

    [Fact]
    public async Task SendReminder_RepaidDebtor_SuppressedAlreadyPaidAndNothingSent()
    {
        var reminder = TestReminders.OverdueSms(TestSeed.PaidDebtor, TestSeed.PaidDebt, TestSeed.PaidPhone);
        var decision = (await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.AlreadyPaid], decision.Reasons);
        Assert.Empty(Env.Gateway.ReadOutbox(TestSeed.PaidPhone));
    }

    [Fact]
    public async Task SendReminder_DebtPaidAfterFirstReminder_SecondIsSuppressed()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();

        var first = (await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized())).Decision;
        Env.Lender.Ledger.SetStatus(debt, Lending.V1.RepaymentStatus.PaidInFull);
        var second = (await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Sent, first.Outcome);
        Assert.Equal(Outcome.Suppressed, second.Outcome);
        Assert.Equal([ReasonCode.AlreadyPaid], second.Reasons);
        Assert.Single(Env.Gateway.ReadOutbox(phone));
    }

    [Fact]
    public async Task SendReminder_InsideQuietHours_DeferredUntilContactHoursOpen()
    {
        // 22:00 in Washington, D.C. (EST, UTC-5): after the 21:00 close of US contact hours.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);

        var reminder = TestReminders.OverdueSms().Deferrable(clock.GetUtcNow().AddDays(1));
        var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Deferred, decision.Outcome);
        Assert.Equal([ReasonCode.QuietHours], decision.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(-5)), decision.NotBefore.ToDateTimeOffset());
        Assert.Empty(env.Gateway.ReadOutbox());
        Assert.DoesNotContain(decision.Verdicts, verdict => verdict.Rule.StartsWith("recheck", StringComparison.Ordinal));
        Assert.Equal(0, env.Lender.Faults.Calls);
    }

    [Fact]
    public async Task SendReminder_InsideQuietHoursWithoutDeferral_SuppressedNamingWhenItMayGo()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);

        var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.QuietHours], decision.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), decision.NotBefore.ToDateTimeOffset());
    }

    [Fact]
    public async Task SendReminder_SameIdempotencyKeyTwice_SendsOnceAndReplaysFirstDecision()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var reminder = TestReminders.OverdueSms(debtor, debt, phone);

        var first = (await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;
        var second = (await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Sent, first.Outcome);
        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.ReminderId, second.ReminderId);
        Assert.Equal(first.CarrierMessageId, second.CarrierMessageId);
        Assert.Single(Env.Gateway.ReadOutbox(phone));
    }

    [Fact]
    public async Task SendReminder_SameKeyDifferentRequest_AlreadyExistsAndNothingMoreSent()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var reminder = TestReminders.OverdueSms(debtor, debt, phone);
        await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized());

        var changed = reminder.Clone();
        changed.TemplateParameters["first_name"] = "Someone";
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = changed }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("IDEMPOTENCY_CONFLICT", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.Single(Env.Gateway.ReadOutbox(phone));
    }

    [Fact]
    public async Task SendReminder_FiftyConcurrentAgainstCapOfThree_ExactlyThreeSent()
    {
        var (debtor, debt, _, email) = shared.NewDebtor();

        // Email is counted only by the preset's debtor-all-24h cap: 3 a day across channels.
        var calls = Enumerable.Range(0, 50).Select(_ => Env.Gateway.Reminders.SendReminderAsync(
            new SendReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email) }, GatewayTestHost.Authorized()).ResponseAsync);
        var decisions = (await Task.WhenAll(calls)).Select(response => response.Decision).ToList();

        Assert.Equal(3, decisions.Count(decision => decision.Outcome == Outcome.Sent));
        Assert.Equal(47, decisions.Count(decision => decision.Outcome == Outcome.Suppressed && decision.Reasons.SequenceEqual([ReasonCode.CapExceeded])));
        Assert.Equal(3, Env.Gateway.ReadOutbox(email).Count);
        Assert.All(decisions.Where(d => d.Outcome == Outcome.Suppressed), d => Assert.Equal(Env.Clock.GetUtcNow().AddDays(1), d.NotBefore.ToDateTimeOffset()));
    }

    [Fact]
    public async Task SendReminder_MalformedPhoneNumber_InvalidArgumentNamingFieldAndNothingRecorded()
    {
        var (debtor, debt, _, _) = shared.NewDebtor();
        var reminder = TestReminders.OverdueSms(debtor, debt, phone: "+1 202-NOT-A-NUMBER");
        var lenderCalls = Env.Lender.Faults.Calls;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("reminder.contact_point", violation.Field);
        Assert.Empty(Env.Gateway.ReadOutbox(reminder.ContactPoint));
        var lookup = await Assert.ThrowsAsync<RpcException>(async () => await Env.Gateway.Reminders.GetDecisionAsync(
            new GetDecisionRequest { DebtorId = reminder.DebtorId, IdempotencyKey = reminder.IdempotencyKey }, GatewayTestHost.Authorized()));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(lenderCalls, Env.Lender.Faults.Calls);
    }

    [Fact]
    public async Task SendReminder_SeveralBadFields_EveryFieldNamed()
    {
        var reminder = TestReminders.OverdueSms();
        reminder.DebtorId = "has spaces";
        reminder.TemplateId = "no-such-template";
        reminder.RecipientTimeZone = "Mars/Olympus_Mons";

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized()));

        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["reminder.debtor_id", "reminder.template_id", "reminder.recipient_time_zone"], fields);
    }

    [Fact]
    public async Task SendReminder_LenderDown_NothingSentAndUnavailable()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        await env.Lender.StopAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("RECHECK_UNAVAILABLE", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.NotNull(error.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_LenderDownAndDeferralAllowed_DeferredAndReservationReleased()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 4001);
        env.Lender.Faults.Set(new Sandbox.Lender.FaultSettings(FailWith: StatusCode.Unavailable));

        for (var i = 0; i < 4; i++)
        {
            var deferred = (await env.Gateway.Reminders.SendReminderAsync(
                new SendReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email).Deferrable(env.Clock.GetUtcNow().AddHours(1)) }, GatewayTestHost.Authorized())).Decision;
            Assert.Equal(Outcome.Deferred, deferred.Outcome);
            Assert.Equal([ReasonCode.RecheckUnavailable], deferred.Reasons);
        }

        // Four failed attempts reserved and released: the daily cap of 3 is still whole.
        env.Lender.Faults.Clear();
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => env.Gateway.Reminders.SendReminderAsync(
            new SendReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email) }, GatewayTestHost.Authorized()).ResponseAsync));
        Assert.All(sent, response => Assert.Equal(Outcome.Sent, response.Decision.Outcome));
        Assert.Equal(3, env.Gateway.ReadOutbox().Count);
    }

    [Fact]
    public async Task SendReminder_LenderSlowerThanDeadline_NothingSent()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Recheck:Timeout"] = "00:00:00.200" });
        env.Lender.Faults.Set(new Sandbox.Lender.FaultSettings(Delay: TimeSpan.FromSeconds(2)));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_LenderAnswerMalformed_NothingSent()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        env.Lender.Faults.Set(new Sandbox.Lender.FaultSettings(Malformed: true));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_WithoutApiKey_Unauthenticated()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();

        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () =>
            await Env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, new Metadata { { "x-api-key", "not-a-key" } }));

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Empty(Env.Gateway.ReadOutbox(phone));
    }
}
