using System.Net;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// Webhooks from the carrier, signed as Twilio signs them, to the gateway's real HTTP endpoint: a
/// STOP between two reminders suppresses the second, is confirmed once, and a forged webhook is
/// refused and changes nothing; a call that became a conversation feeds the conversation cap. The
/// tests share one gateway and fake Twilio, each with a debtor of its own.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class InboundWebhookTests(SharedCarrierEnvironment shared) : IClassFixture<SharedCarrierEnvironment>, IDisposable
{
    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task InboundStop_BetweenTwoReminders_SecondSuppressedOptedOut_ConfirmedOnce()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);

        // Full-width letters and stray spaces still say STOP (NFKC, case and white space folded).
        var first = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, " ｓｔｏｐ\n");
        var again = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "STOP");
        var chinese = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "退订");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("<Message>", first.Body, StringComparison.Ordinal);
        Assert.Equal("<Response/>", again.Body);
        Assert.Equal("<Response/>", chinese.Body);
        var second = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        Assert.Equal(Outcome.Suppressed, second.Outcome);
        Assert.Equal([ReasonCode.OptedOut], second.Reasons);
        Assert.Single(carriers.Twilio.RequestsTo(phone));
    }

    [Fact]
    public async Task InboundReply_NotAStopKeyword_ChangesNothing()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();
        await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        var reply = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "I paid yesterday, thanks");

        Assert.Equal("<Response/>", reply.Body);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged")]
    [InlineData("wrong-url")]
    public async Task ForgedWebhook_Refused403_NothingChanged(string? how)
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();
        var sent = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        // A signature made over another URL (the gateway's own loopback address) is as bad as none.
        var signature = how switch
        {
            null => null,
            "forged" => Convert.ToBase64String(new byte[20]),
            _ => Gateway.Channels.Twilio.TwilioSignature.Compute(FakeTwilio.AuthToken, carriers.Gateway.HttpAddress + "webhooks/twilio/inbound", new Dictionary<string, string> { ["From"] = phone, ["Body"] = "STOP" }),
        };
        var stop = await TwilioWebhookClient.PostAsync(carriers.Gateway, FakeTwilio.PublicBaseUrl + "webhooks/twilio/inbound", new Dictionary<string, string> { ["From"] = phone, ["Body"] = "STOP" }, signature);
        var callback = Assert.Single(carriers.Twilio.RequestsTo(phone)).Fields["StatusCallback"];
        var status = await TwilioWebhookClient.PostAsync(carriers.Gateway, callback, new Dictionary<string, string> { ["MessageStatus"] = "undelivered" }, signature ?? string.Empty);

        Assert.Equal(HttpStatusCode.Forbidden, stop.Status);
        Assert.Equal(HttpStatusCode.Forbidden, status.Status);
        var stored = await carriers.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = sent.ReminderId }, GatewayTestHost.Authorized());
        Assert.Equal(DeliveryStatus.Unspecified, stored.Decision.DeliveryStatus);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
    }

    [Fact]
    public async Task CallStatus_ConversationVersusAttempt_ConversationFeedsTheWeekAfterConversationCap()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();

        // An unanswered call is an attempt only: the next call may go.
        var unanswered = await carriers.Gateway.SendAsync(CarrierTestEnvironment.Voice(debtor, debt, phone));
        await CallStatusAsync(carriers, 0, phone, "no-answer", "0", null);
        var answered = await carriers.Gateway.SendAsync(CarrierTestEnvironment.Voice(debtor, debt, phone));
        Assert.Equal(Outcome.Sent, answered.Outcome);

        // This one connected to a person for 42 s: a conversation. A call within 7 days is now refused.
        await CallStatusAsync(carriers, 1, phone, "completed", "42", "human");
        var third = await carriers.Gateway.SendAsync(CarrierTestEnvironment.Voice(debtor, debt, phone));

        Assert.Equal(Outcome.Suppressed, third.Outcome);
        Assert.Contains(third.Verdicts, v => v.Rule == "cap:debt-voice-after-conversation-7d" && v.Verdict == Verdict.Suppress);
        var first = await carriers.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = unanswered.ReminderId }, GatewayTestHost.Authorized());
        var second = await carriers.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = answered.ReminderId }, GatewayTestHost.Authorized());
        Assert.Equal(DeliveryStatus.AttemptOnly, first.Decision.DeliveryStatus);
        Assert.Equal(DeliveryStatus.Conversation, second.Decision.DeliveryStatus);
    }

    private static async Task CallStatusAsync(CarrierTestEnvironment carriers, int call, string to, string status, string duration, string? answeredBy)
    {
        var callback = carriers.Twilio.RequestsTo(to)[call].Fields["StatusCallback"];
        var form = new Dictionary<string, string> { ["CallSid"] = "CA" + call, ["CallStatus"] = status, ["CallDuration"] = duration, ["To"] = to, ["From"] = FakeTwilio.SmsFrom };
        if (answeredBy is not null)
        {
            form["AnsweredBy"] = answeredBy;
        }

        Assert.Equal(HttpStatusCode.OK, (await TwilioWebhookClient.PostAsync(carriers.Gateway, callback, form)).Status);
    }
}
