using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Gateway.Tests.Functional;

/// <summary>
/// The rest of the public surface end to end: the stream, the dry run, decision records, consent,
/// metrics, health and reflection. The tests share one gateway, each with debtors of its own; the
/// metrics test counts what its own calls added.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ReminderApiTests(SharedEnvironment shared) : IClassFixture<SharedEnvironment>, IDisposable
{
    private TestEnvironment Env => shared.Env;

    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task SendReminders_Stream_OneResponsePerRequestInOrderWithErrorsInline()
    {
        var env = Env;
        var debtors = Enumerable.Range(0, 6).Select(_ => shared.NewDebtor()).ToList();
        var requests = debtors.Select(d => TestReminders.OverdueSms(d.DebtorId, d.DebtId, d.Phone)).ToList();
        requests[2].ContactPoint = "not-a-phone";

        using var call = env.Gateway.Reminders.SendReminders(GatewayTestHost.Authorized());
        foreach (var reminder in requests)
        {
            await call.RequestStream.WriteAsync(new SendRemindersRequest { Reminder = reminder });
        }

        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(requests.Select(r => r.IdempotencyKey), responses.Select(r => r.IdempotencyKey));
        Assert.Equal((int)StatusCode.InvalidArgument, responses[2].Error.Code);
        Assert.All(responses.Where((_, i) => i != 2), r => Assert.Equal(Outcome.Sent, r.Decision.Outcome));
        Assert.Equal(5, debtors.Sum(d => env.Gateway.ReadOutbox(d.Phone).Count));
    }

    [Fact]
    public async Task EvaluateReminder_DryRun_SameDecisionNothingReservedOrSent()
    {
        var env = Env;
        var (debtor, debt, _, email) = shared.NewDebtor();

        for (var i = 0; i < 5; i++)
        {
            var evaluated = (await env.Gateway.Reminders.EvaluateReminderAsync(
                new EvaluateReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email) }, GatewayTestHost.Authorized())).Decision;
            Assert.Equal(Outcome.Sent, evaluated.Outcome);
            Assert.Empty(evaluated.ReminderId);
        }

        Assert.Empty(env.Gateway.ReadOutbox(email));

        // Five dry runs reserved nothing: the daily cap of 3 is whole.
        for (var i = 0; i < 3; i++)
        {
            var sent = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email) }, GatewayTestHost.Authorized())).Decision;
            Assert.Equal(Outcome.Sent, sent.Outcome);
        }

        var refused = (await env.Gateway.Reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = TestReminders.OverdueEmail(debtor, debt, email) }, GatewayTestHost.Authorized())).Decision;
        Assert.Equal(Outcome.Suppressed, refused.Outcome);
        Assert.Equal([ReasonCode.CapExceeded], refused.Reasons);
    }

    [Fact]
    public async Task GetDecision_ByReminderIdAndByKey_ReturnsTheRecordWithEveryVerdict()
    {
        var env = Env;
        var reminder = TestReminders.OverdueSms(TestSeed.PaidDebtor, TestSeed.PaidDebt, TestSeed.PaidPhone);
        var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

        var byId = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = reminder.DebtorId, ReminderId = decision.ReminderId }, GatewayTestHost.Authorized())).Decision;
        var byKey = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = reminder.DebtorId, IdempotencyKey = reminder.IdempotencyKey }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(decision, byId);
        Assert.Equal(decision, byKey);
        Assert.Equal(
            ["channel_permission", "quiet_hours", "content", "consent", "cap:debtor-all-24h", "cap:contact-sms-24h", "recheck.repayment", "recheck.contact"],
            byId.Verdicts.Select(v => v.Rule));
        Assert.Equal(Verdict.Suppress, byId.Verdicts.Single(v => v.Rule == "recheck.repayment").Verdict);
    }

    [Fact]
    public async Task RevokeConsent_ThenSend_SuppressedOptedOut()
    {
        var env = Env;
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone };

        var revoked = await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = subject }, GatewayTestHost.Authorized());
        var read = await env.Gateway.Consent.GetConsentAsync(new GetConsentRequest { Subject = subject }, GatewayTestHost.Authorized());
        var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(ConsentState.OptedOut, revoked.State);
        Assert.Equal(ConsentState.OptedOut, read.State);
        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.OptedOut], decision.Reasons);
        Assert.Empty(env.Gateway.ReadOutbox(phone));

        await env.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = subject }, GatewayTestHost.Authorized());
        var after = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized())).Decision;
        Assert.Equal(Outcome.Sent, after.Outcome);
    }

    [Fact]
    public async Task Metrics_AfterDecisions_CountedByChannelOutcomeAndReason()
    {
        var env = Env;
        var before = await env.Gateway.ScrapeMetricsAsync();
        await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized());
        await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(TestSeed.PaidDebtor, TestSeed.PaidDebt, TestSeed.PaidPhone) }, GatewayTestHost.Authorized());

        var metrics = await env.Gateway.ScrapeMetricsAsync();

        // The class's other tests counted on the same gateway before: what this one's calls added.
        double Added(string series) => GatewayTestHost.Sample(metrics, series) - GatewayTestHost.Sample(before, series);
        var tenant = $"tenant=\"{env.Gateway.TenantId}\"";
        Assert.Equal(1, Added("gateway_decisions_total{" + tenant + ",channel=\"sms\",outcome=\"sent\",reason=\"none\"}"));
        Assert.Equal(1, Added("gateway_decisions_total{" + tenant + ",channel=\"sms\",outcome=\"suppressed\",reason=\"already_paid\"}"));
        Assert.Equal(1, Added("gateway_decision_duration_seconds_count{channel=\"sms\",outcome=\"sent\"}"));
        Assert.Equal(2, Added("gateway_recheck_duration_seconds_count{" + tenant + ",result=\"pass\"}") + Added("gateway_recheck_duration_seconds_count{" + tenant + ",result=\"suppress\"}"));
        Assert.Equal(1, Added("gateway_carrier_requests_total{carrier=\"outbox\",status=\"accepted\"}"));
        Assert.Equal(1, GatewayTestHost.Sample(metrics, "gateway_rule_set_version"));
        Assert.DoesNotContain(TestSeed.DuePhone, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSeed.DueDebtor, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndReflection_OpenWithoutApiKey()
    {
        var env = Env;

        var health = await new Health.HealthClient(env.Gateway.Channel).CheckAsync(new HealthCheckRequest());
        using var reflection = new ServerReflection.ServerReflectionClient(env.Gateway.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext());
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains("gateway.v1.ReminderService", services);
        Assert.Contains("gateway.v1.ConsentService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
