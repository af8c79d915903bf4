using Gateway.Decisions;
using Gateway.Recheck;
using Gateway.RuleSets;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Type;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Recheck;

/// <summary>Step 4 alone, against a fake lender: what each recheck answer makes of the decision.</summary>
public sealed class RecheckStepTests
{
    private static readonly RecheckOptions Options = new() { RetryAfter = TimeSpan.FromMinutes(7) };

    private static readonly RepaymentFacts Facts = new(new Money { CurrencyCode = "USD", Units = 125, Nanos = 500_000_000 }, new Date { Year = 2026, Month = 11, Day = 1 });

    private readonly FakeTimeProvider _clock = GatewayTestHost.DaytimeClock();

    [Fact]
    public async Task BothAnswersPass_Continues_WithTheLendersFigures_WithinTheCallersDeadline()
    {
        var deadline = _clock.GetUtcNow().AddSeconds(3);
        var context = TestDecisionContexts.For(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock, deadline: deadline);
        var lender = new FakeLenderRecheck(Passed());

        var outcome = await Step(lender).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Same(Facts, context.Facts);
        Assert.Equal(deadline.UtcDateTime, lender.DeadlineGiven);
        Assert.Equal([RecheckPolicy.RepaymentRule, RecheckPolicy.ContactRule], context.Verdicts.Select(verdict => verdict.Rule));
    }

    [Fact]
    public async Task DryRun_EndsHere_AsWouldBeSent()
    {
        var context = TestDecisionContexts.For(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock, mode: DecisionMode.DryRun);

        var outcome = await Step(new FakeLenderRecheck(Passed())).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Sent), outcome);
    }

    [Fact]
    public async Task DebtRepaid_IsSuppressed_WithTheLendersReason()
    {
        var context = TestDecisionContexts.For(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock);
        var repaid = new RecheckResult([GuardVerdict.Suppress(RecheckPolicy.RepaymentRule, ReasonCode.AlreadyPaid, "paid"), GuardVerdict.Pass(RecheckPolicy.ContactRule)], Facts);

        var outcome = await Step(new FakeLenderRecheck(repaid)).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        Assert.Equal(ReasonCode.AlreadyPaid, context.Verdicts[0].Reason);
    }

    [Fact]
    public async Task LenderUnanswered_FailsClosed_ForTheConfiguredRetry_StillRecordable()
    {
        var context = TestDecisionContexts.For(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock);

        var outcome = await Step(new FakeLenderRecheck(RecheckResult.Unanswered("no answer before the deadline", lenderFailed: true))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.FailClosed, outcome.Kind);
        Assert.Equal((ReasonCode.RecheckUnavailable, Options.RetryAfter, true), (outcome.Reason, outcome.RetryAfter, outcome.Recordable));
        Assert.All(context.Verdicts, verdict => Assert.Equal(Verdict.Unavailable, verdict.Verdict));
    }

    [Fact]
    public async Task OwnerUnknown_WithALimitedContentVariant_SendsTheVariant()
    {
        var uk = RuleSetLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "rules", "uk-fca-conc7.json"));
        var reminder = TestReminders.OverdueSms("D-1", "L-1", "+447400123456");
        reminder.TemplateId = "overdue-sms-gb";
        reminder.Locale = "en-GB";
        var context = TestDecisionContexts.For(reminder, _clock, rules: uk);
        var unknown = new RecheckResult([GuardVerdict.Pass(RecheckPolicy.RepaymentRule), GuardVerdict.Suppress(RecheckPolicy.ContactRule, ReasonCode.ContactUnverified, "owner unknown")], Facts);

        var outcome = await Step(new FakeLenderRecheck(unknown)).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Equal("overdue-sms-gb-limited", context.Template.Id);
        Assert.All(context.Verdicts, verdict => Assert.True(verdict.Passed));
    }

    [Fact]
    public async Task OwnerUnknown_WithoutAVariant_IsSuppressed()
    {
        var context = TestDecisionContexts.For(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock);
        var unknown = new RecheckResult([GuardVerdict.Pass(RecheckPolicy.RepaymentRule), GuardVerdict.Suppress(RecheckPolicy.ContactRule, ReasonCode.ContactUnverified, "owner unknown")], Facts);

        var outcome = await Step(new FakeLenderRecheck(unknown)).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        Assert.Equal("overdue-email", context.Template.Id);
    }

    private static RecheckStep Step(ILenderRecheck lender) => new(lender, Microsoft.Extensions.Options.Options.Create(Options));

    private static RecheckResult Passed() => new([GuardVerdict.Pass(RecheckPolicy.RepaymentRule), GuardVerdict.Pass(RecheckPolicy.ContactRule)], Facts);
}
