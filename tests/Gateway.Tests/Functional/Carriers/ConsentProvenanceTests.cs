using Gateway.Tests.Infrastructure;
using Gateway.Tests.Infrastructure.Carriers;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// The person's STOP is theirs to undo. On main a lender's RecordConsent after a STOP deleted the
/// opt-out and the next reminder was SENT; now it is FAILED_PRECONDITION naming how the person
/// opted out, changes nothing, and only the person's START restores sending.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ConsentProvenanceTests(RedisFixture redis)
{
    [Fact]
    public async Task StopByReply_LendersConsentRefused_StartByReplyRestores()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7701);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "Stop texting me.");
        var subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone };

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await carriers.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = subject }, GatewayTestHost.Authorized()));
        var read = await carriers.Gateway.Consent.GetConsentAsync(new GetConsentRequest { Subject = subject }, GatewayTestHost.Authorized());
        var stillStopped = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var info = refused.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("OPTED_OUT_BY_PERSON", "keyword"), (info.Reason, info.Metadata["source"]));
        Assert.Contains("START", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ConsentState.OptedOut, read.State);
        Assert.Equal((Outcome.Suppressed, ReasonCode.OptedOut), (stillStopped.Outcome, Assert.Single(stillStopped.Reasons)));

        var start = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "START");
        var again = await TwilioWebhookClient.InboundAsync(carriers.Gateway, phone, "start");
        var restored = await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Contains("subscribed again", start.Body, StringComparison.Ordinal);
        Assert.Equal("<Response/>", again.Body);
        Assert.Equal(Outcome.Sent, restored.Outcome);
    }

    [Fact]
    public async Task CarrierBlock_LendersConsentRefused_NamingTheCarrier()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7702);
        carriers.Twilio.Always(CarrierFault.Json(400, new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 }));
        Assert.Equal(Outcome.Suppressed, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        var subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone };

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await carriers.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = subject }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("carrier", refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["source"]);
    }

    [Fact]
    public async Task LendersOwnOptOut_LendersConsentClearsIt()
    {
        await using var carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone) = carriers.NewDebtor(7703);
        var subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone };
        await carriers.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = subject }, GatewayTestHost.Authorized());

        var granted = await carriers.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = subject }, GatewayTestHost.Authorized());

        Assert.Equal(ConsentState.Granted, granted.State);
        Assert.Equal(Outcome.Sent, (await carriers.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
    }
}
