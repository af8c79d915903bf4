using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// Channel fallback, only when the request allows it and only after every carrier of the first
/// channel definitely refused: the fallback channel's own consent and caps decide, the first
/// channel's reservation is released, and an ambiguous failure never falls back.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ChannelFallbackTests(RedisFixture redis)
{
    [Fact]
    public async Task SmsRefusedEverywhere_FallsBackToVoice_OneCallAndSmsSlotsReleased()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7501);
        carriers.Twilio.Always(CarrierFault.Answer(400), "/Messages.json");

        var decision = await carriers.Gateway.SendAsync(WithVoiceFallback(TestReminders.OverdueSms(debtor, debt, phone)));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal(Channel.Voice, decision.Channel);
        Assert.StartsWith("CA", decision.CarrierMessageId, StringComparison.Ordinal);
        Assert.Contains(decision.Verdicts, v => v.Rule == "sms/relay" && v.Reason == ReasonCode.CarrierRejected);
        Assert.Contains(decision.Verdicts, v => v.Rule == "cap:debt-voice-7d" && v.Verdict == Verdict.Pass);
        Assert.Single(carriers.Twilio.Requests, r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal));

        // The refused SMS never counted: the call and two texts fill the day's three contacts and
        // two texts exactly; only then is a fourth refused.
        carriers.Twilio.Always(null);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        var last = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        Assert.Equal(Outcome.Suppressed, last.Outcome);
        Assert.Contains(last.Verdicts, v => v.Rule == "cap:debtor-all-24h" && v.Verdict == Verdict.Suppress);
    }

    [Fact]
    public async Task AmbiguousFailure_NeverFallsBack()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7502);
        carriers.Twilio.Enqueue(CarrierFault.ConnectionReset());

        var decision = await carriers.Gateway.SendAsync(WithVoiceFallback(TestReminders.OverdueSms(debtor, debt, phone)));

        Assert.Equal(Outcome.Failed, decision.Outcome);
        Assert.Equal([ReasonCode.CarrierOutcomeUnknown], decision.Reasons);
        Assert.DoesNotContain(carriers.Twilio.Requests, r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FallbackChannelOptedOut_SuppressedWithBothReasons_NoCall()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7503);
        await carriers.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Voice, ContactPoint = phone } }, GatewayTestHost.Authorized());
        carriers.Twilio.Always(CarrierFault.Answer(503), "/Messages.json");

        var decision = await carriers.Gateway.SendAsync(WithVoiceFallback(TestReminders.OverdueSms(debtor, debt, phone)));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.CarrierUnavailable, ReasonCode.OptedOut], decision.Reasons);
        Assert.DoesNotContain(carriers.Twilio.Requests, r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal));
        var stored = await carriers.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = decision.ReminderId }, GatewayTestHost.Authorized());
        Assert.Equal(decision.Reasons, stored.Decision.Reasons);
    }

    [Fact]
    public async Task FallbackWithoutTemplate_InvalidArgumentNamingTheField()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var reminder = TestReminders.OverdueSms();
        reminder.FallbackChannels.Add(Channel.Email);

        var error = await carriers.Gateway.SendRefusedAsync(reminder);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("reminder.fallback_templates[email]", violations);
        Assert.Contains("reminder.fallback_contact_points[email]", violations);
    }

    private static Reminder WithVoiceFallback(Reminder reminder)
    {
        reminder.FallbackChannels.Add(Channel.Voice);
        reminder.FallbackTemplates["voice"] = "overdue-voice";
        return reminder;
    }
}
