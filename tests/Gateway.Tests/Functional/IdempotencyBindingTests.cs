using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>
/// "Always returns the first decision", as reminder_service.proto promises, also for a reminder
/// refused before its key was claimed. On main a key refused by a full cap was not bound: its
/// retry was decided again under a new reminder id, and GetDecision by the key was NOT_FOUND.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class IdempotencyBindingTests(SharedEnvironment shared) : IClassFixture<SharedEnvironment>, IDisposable
{
    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task RefusedByACap_TheKeyAnswersThatDecision_RetryAndLookup()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();

        // The US preset allows two texts a day to one number.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Outcome.Sent, (await shared.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone))).Outcome);
        }

        var third = TestReminders.OverdueSms(debtor, debt, phone);
        var refused = await shared.Gateway.SendAsync(third);
        var retried = await shared.Gateway.SendAsync(third);
        var byKey = (await shared.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, IdempotencyKey = third.IdempotencyKey }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal((Outcome.Suppressed, ReasonCode.CapExceeded), (refused.Outcome, Assert.Single(refused.Reasons)));
        Assert.True(retried.Replayed);
        Assert.Equal((refused.ReminderId, Outcome.Suppressed), (retried.ReminderId, retried.Outcome));
        Assert.Equal(refused.ReminderId, byKey.ReminderId);
        Assert.Equal(2, shared.Gateway.ReadOutbox(phone).Count);
    }

    [Fact]
    public async Task RefusedByALocalRule_TheKeyAnswersThatDecision_EvenOnceTheRuleWouldPass()
    {
        var (debtor, debt, phone, _) = shared.NewDebtor();
        var banned = TestReminders.OverdueSms(debtor, debt, phone);
        banned.TemplateParameters["first_name"] = "Avery arrest";

        var refused = await shared.Gateway.SendAsync(banned);
        var byKey = (await shared.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, IdempotencyKey = banned.IdempotencyKey }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Suppressed, refused.Outcome);
        Assert.Equal((refused.ReminderId, Outcome.Suppressed), (byKey.ReminderId, byKey.Outcome));
    }
}
