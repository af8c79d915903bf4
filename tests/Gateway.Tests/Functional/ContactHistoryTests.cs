using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// Contacts made outside the gateway count: Regulation F's call limits under the shipped US preset,
/// end to end. The tests share one gateway, each with a debtor of its own.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ContactHistoryTests(SharedEnvironment shared) : IClassFixture<SharedEnvironment>, IDisposable
{
    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task SendReminder_VoiceWithinSevenDaysAfterConversation_Suppressed()
    {
        var env = shared.Env;
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var history = new ContactHistoryService.ContactHistoryServiceClient(env.Gateway.Channel);

        var before = await SendVoiceAsync(env, debtor, debt, phone);
        var recorded = await history.RecordContactAsync(new RecordContactRequest
        {
            ContactId = "dialer-call-1", DebtorId = debtor, DebtId = debt, Channel = Channel.Voice, ContactPoint = phone,
            Outcome = ContactOutcome.Conversation, OccurredAt = Timestamp.FromDateTimeOffset(env.Clock.GetUtcNow().AddMinutes(-5)),
        }, GatewayTestHost.Authorized());
        var after = await SendVoiceAsync(env, debtor, debt, phone);

        Assert.Equal(Outcome.Sent, before.Outcome);
        Assert.Contains("cap:debt-voice-after-conversation-7d", recorded.CountedIn);
        Assert.Contains("cap:debt-voice-7d", recorded.CountedIn);
        Assert.Equal(Outcome.Suppressed, after.Outcome);
        Assert.Equal([ReasonCode.CapExceeded], after.Reasons);
        Assert.Equal(Verdict.Suppress, after.Verdicts.Single(v => v.Rule == "cap:debt-voice-after-conversation-7d").Verdict);
        Assert.Equal(env.Clock.GetUtcNow().AddMinutes(-5).AddDays(7), after.NotBefore.ToDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task SendReminder_SevenAgentCallsThisWeek_EighthCallRefused()
    {
        var env = shared.Env;
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var history = new ContactHistoryService.ContactHistoryServiceClient(env.Gateway.Channel);
        for (var day = 0; day < 7; day++)
        {
            await history.RecordContactAsync(new RecordContactRequest
            {
                ContactId = $"agent-{day}", DebtorId = debtor, DebtId = debt, Channel = Channel.Voice, ContactPoint = phone,
                Outcome = ContactOutcome.Attempt, OccurredAt = Timestamp.FromDateTimeOffset(env.Clock.GetUtcNow().AddDays(-day)),
            }, GatewayTestHost.Authorized());
        }

        var eighth = await SendVoiceAsync(env, debtor, debt, phone);

        Assert.Equal(Outcome.Suppressed, eighth.Outcome);
        Assert.Equal(Verdict.Suppress, eighth.Verdicts.Single(v => v.Rule == "cap:debt-voice-7d").Verdict);
    }

    [Fact]
    public async Task RecordContact_InTheFutureOrWithoutOutcome_InvalidArgumentNamingFields()
    {
        var env = shared.Env;
        var history = new ContactHistoryService.ContactHistoryServiceClient(env.Gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await history.RecordContactAsync(new RecordContactRequest
        {
            ContactId = "c-1", DebtorId = TestSeed.DueDebtor, DebtId = TestSeed.DueDebt, Channel = Channel.Voice, ContactPoint = TestSeed.DuePhone,
            OccurredAt = Timestamp.FromDateTimeOffset(env.Clock.GetUtcNow().AddHours(1)),
        }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["outcome", "occurred_at"], error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    private static async Task<Decision> SendVoiceAsync(TestEnvironment env, string debtor, string debt, string phone)
    {
        var reminder = TestReminders.OverdueSms(debtor, debt, phone);
        reminder.Channel = Channel.Voice;
        reminder.TemplateId = "overdue-voice";
        return (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;
    }
}
