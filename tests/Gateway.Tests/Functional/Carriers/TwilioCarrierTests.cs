using System.Net;
using System.Xml.Linq;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// SMS and voice through a fake Twilio on loopback that checks the wire format the real API expects,
/// and the message status callback coming back signed to the gateway's HTTP endpoint. The tests
/// share one gateway and fake Twilio, each with a debtor of its own.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class TwilioCarrierTests(SharedCarrierEnvironment shared) : IClassFixture<SharedCarrierEnvironment>, IDisposable
{
    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task SendReminder_Sms_PostsFormWithBasicAuthAndStatusCallback()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();

        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal("twilio", decision.Carrier);
        Assert.StartsWith("SM", decision.CarrierMessageId, StringComparison.Ordinal);
        Assert.Empty(carriers.Twilio.Violations);
        var request = Assert.Single(carriers.Twilio.RequestsTo(phone));
        Assert.Equal($"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json", request.Path);
        Assert.Equal(phone, request.Fields["To"]);
        Assert.Contains("Reply STOP to opt out", request.Fields["Body"], StringComparison.Ordinal);
        Assert.Contains("r=" + decision.ReminderId, request.Fields["StatusCallback"], StringComparison.Ordinal);
        Assert.DoesNotContain(phone[1..], request.Fields["StatusCallback"], StringComparison.Ordinal);
        Assert.Empty(carriers.Gateway.ReadOutbox(phone));
    }

    [Fact]
    public async Task SendReminder_Voice_CallsWithEscapedSayTwiml()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();
        var reminder = CarrierTestEnvironment.Voice(debtor, debt, phone);
        reminder.TemplateParameters["first_name"] = "O'Brien";

        var decision = await carriers.Gateway.SendAsync(reminder);

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.StartsWith("CA", decision.CarrierMessageId, StringComparison.Ordinal);
        var request = Assert.Single(carriers.Twilio.RequestsTo(phone));
        Assert.EndsWith("/Calls.json", request.Path, StringComparison.Ordinal);
        Assert.Empty(carriers.Twilio.Violations);
        Assert.Contains("&apos;", request.Fields["Twiml"], StringComparison.Ordinal);
        var say = XElement.Parse(request.Fields["Twiml"]).Element("Say")!;
        Assert.Contains("for O'Brien.", say.Value, StringComparison.Ordinal);
        Assert.Equal("en-US", say.Attribute("language")?.Value);
    }

    [Fact]
    public async Task StatusCallback_Delivered_UpdatesDecisionAndMetric_LateSentDoesNotOverwrite()
    {
        var carriers = shared.Carriers;
        var (debtor, debt, phone) = shared.NewDebtor();
        var decision = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        var callback = Assert.Single(carriers.Twilio.RequestsTo(phone)).Fields["StatusCallback"];
        var before = await carriers.Gateway.ScrapeMetricsAsync();

        foreach (var status in new[] { "delivered", "sent" })
        {
            var (code, _) = await TwilioWebhookClient.PostAsync(carriers.Gateway, callback, new Dictionary<string, string>
            {
                ["MessageSid"] = decision.CarrierMessageId,
                ["MessageStatus"] = status,
                ["AccountSid"] = FakeTwilio.AccountSid,
            });
            Assert.Equal(HttpStatusCode.OK, code);
        }

        var stored = await carriers.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = decision.ReminderId }, GatewayTestHost.Authorized());
        Assert.Equal(DeliveryStatus.Delivered, stored.Decision.DeliveryStatus);
        Assert.NotNull(stored.Decision.DeliveryUpdatedAt);
        var metrics = await carriers.Gateway.ScrapeMetricsAsync();
        const string delivered = "gateway_delivery_status_total{carrier=\"twilio\",status=\"delivered\"}";
        Assert.Equal(1, GatewayTestHost.Sample(metrics, delivered) - GatewayTestHost.Sample(before, delivered));
    }
}
