using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// A carrier that refuses because the person opted out is taken at its word: the reminder is
/// SUPPRESSED OPTED_OUT, no other carrier or channel is tried (on main, Twilio's 21610 failed over
/// and Vonage sent the text), and the opt-out is recorded, so the next reminder to that number,
/// for the same debtor or another of the lender's debtors there, is suppressed before any carrier.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CarrierOptOutTests(RedisFixture redis)
{
    /// <summary>Twilio's error document for a recipient who replied STOP (twilio.com/docs/errors/21610).</summary>
    private static readonly CarrierFault TwilioUnsubscribed = CarrierFault.Json(400, new
    {
        code = 21610,
        message = "Attempt to send to unsubscribed recipient",
        more_info = "https://www.twilio.com/docs/errors/21610",
        status = 400,
    });

    [Fact]
    public async Task Twilio21610_IsSuppressedOptedOut_NeverFailedOver_AndTheNumberStaysStopped()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7601);

        // A second debtor of the lender at the same number (a household line), texted before.
        var (housemate, housemateDebt, samePhone) = carriers.NewDebtor(17601);
        Assert.Equal(phone, samePhone);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(housemate, housemateDebt, phone))).Outcome);
        carriers.Twilio.Always(TwilioUnsubscribed);

        var refused = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Suppressed, refused.Outcome);
        Assert.Equal([ReasonCode.OptedOut], refused.Reasons);
        Assert.Empty(carriers.Vonage!.Requests);
        var twilioCalls = carriers.Twilio.Requests.Count;

        carriers.Twilio.Always(null);
        var next = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        var housemateNext = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(housemate, housemateDebt, phone));

        Assert.Equal((Outcome.Suppressed, ReasonCode.OptedOut), (next.Outcome, Assert.Single(next.Reasons)));
        Assert.Equal((Outcome.Suppressed, ReasonCode.OptedOut), (housemateNext.Outcome, Assert.Single(housemateNext.Reasons)));
        Assert.Contains(next.Verdicts, verdict => verdict.Rule == "consent" && verdict.Reason == ReasonCode.OptedOut);
        Assert.Equal(twilioCalls, carriers.Twilio.Requests.Count);
        Assert.Empty(carriers.Vonage.Requests);
    }

    [Fact]
    public async Task Twilio21610_WithAVoiceFallback_NoCallIsPlaced()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7602);
        carriers.Twilio.Always(TwilioUnsubscribed, "/Messages.json");
        var reminder = TestReminders.OverdueSms(debtor, debt, phone);
        reminder.FallbackChannels.Add(Channel.Voice);
        reminder.FallbackTemplates["voice"] = "overdue-voice";

        var decision = await carriers.Gateway.SendAsync(reminder);

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.OptedOut], decision.Reasons);
        Assert.DoesNotContain(carriers.Twilio.Requests, request => request.Path.EndsWith("/Calls.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherTwilioRefusal_StillFailsOver()
    {
        // 21211, an invalid 'To' number at this carrier, says nothing of the person's wishes.
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7603);
        carriers.Twilio.Always(CarrierFault.Json(400, new { code = 21211, message = "Invalid 'To' Phone Number", status = 400 }));

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal((Outcome.Sent, "vonage"), (decision.Outcome, decision.Carrier));
        Assert.Single(carriers.Vonage!.Requests);
    }

    [Fact]
    public async Task VonageNumberBarred_IsSuppressedOptedOut_AndRecorded()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString, withVonage: true);
        var (debtor, debt, phone) = carriers.NewDebtor(7604);
        carriers.Twilio.Always(CarrierFault.Answer(503));
        carriers.Vonage!.Always(CarrierFault.Json(200, new Dictionary<string, object>
        {
            ["message-count"] = "1",
            ["messages"] = new[] { new Dictionary<string, string> { ["status"] = "7", ["error-text"] = "Number barred." } },
        }));

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal((Outcome.Suppressed, ReasonCode.OptedOut), (decision.Outcome, Assert.Single(decision.Reasons)));
        carriers.Twilio.Always(null);
        carriers.Vonage.Always(null);
        var next = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        Assert.Equal((Outcome.Suppressed, ReasonCode.OptedOut), (next.Outcome, Assert.Single(next.Reasons)));
    }
}
