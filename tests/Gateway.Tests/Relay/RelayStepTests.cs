using Gateway.Channels;
using Gateway.Decisions;
using Gateway.Relay;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Type;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Relay;

/// <summary>
/// Step 5 alone, against fake carriers and a fake clock: the message rendered from the lender's
/// figures, what each carrier answer does to the reservation, and the lease it must not outlive.
/// </summary>
public sealed class RelayStepTests
{
    private static readonly StoreOptions Store = new() { ConnectionString = "unused", ReservationLease = TimeSpan.FromMinutes(2), RetryAfter = TimeSpan.FromSeconds(30) };

    private readonly FakeTimeProvider _clock = GatewayTestHost.DaytimeClock();

    [Fact]
    public async Task Accepted_IsSent_TheMessageQuotingTheLendersFigures_AndTheRelayBegun()
    {
        var deadline = _clock.GetUtcNow().AddSeconds(5);
        var context = Reserved(TestReminders.OverdueEmail("D-1", "LOAN-000123", "debtor@example.com"), deadline);
        var carriers = new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Accepted, "smtp", "m-1", "250 OK"));

        var outcome = await Step(carriers).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Sent), outcome);
        Assert.Equal(ReservationPhase.RelayBegun, context.Phase);
        Assert.Equal(new CarrierReceipt("smtp", "m-1"), context.Carrier);
        var (message, given) = Assert.Single(carriers.Relayed);
        Assert.Equal(deadline.UtcDateTime, given);
        Assert.Equal((context.ReminderId, "debtor@example.com"), (message.ReminderId, message.To.Value));
        Assert.Contains("Hello Avery", message.Content.Body, StringComparison.Ordinal);
        Assert.Contains("USD 125.50", message.Content.Body, StringComparison.Ordinal);
        Assert.Contains("****0123", message.Content.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("LOAN-000123", message.Content.Body + message.Content.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("{", message.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambiguous_IsFailed_ButTheReservationKeepsCounting_AndNoFallback()
    {
        var context = Reserved(WithSmsFallback(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com")));

        var outcome = await Step(new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Ambiguous, "smtp", null, "connection reset after DATA") { Reason = ReasonCode.CarrierOutcomeUnknown })).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Failed), outcome);
        Assert.Equal(ReservationPhase.RelayBegun, context.Phase);
        Assert.Equal(ReasonCode.CarrierOutcomeUnknown, context.Verdicts[^1].Reason);
    }

    [Fact]
    public async Task Rejected_IsFailed_AndTheReservationStaysReleasable()
    {
        var context = Reserved(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"));

        var outcome = await Step(new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Rejected, "smtp", null, "550 no such user"))).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Failed), outcome);
        Assert.Equal(ReservationPhase.Reserved, context.Phase);
        Assert.Equal(ReasonCode.CarrierRejected, context.Verdicts[^1].Reason);
    }

    [Fact]
    public async Task Rejected_WithAFallback_FallsBack()
    {
        var context = Reserved(WithSmsFallback(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com")));

        var outcome = await Step(new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Rejected, "smtp", null, "550 no such user"))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.FallBack, outcome.Kind);
        Assert.Equal(ReservationPhase.Reserved, context.Phase);
    }

    [Fact]
    public async Task RecipientOptedOutAtTheCarrier_IsSuppressed_EvenWithAFallback()
    {
        var context = Reserved(WithSmsFallback(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com")));

        var outcome = await Step(new FakeCarrierRelay(CarrierResult.OptedOut("smtp", "unsubscribed"))).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        Assert.Equal(ReasonCode.OptedOut, context.Verdicts[^1].Reason);
        Assert.Equal(ReservationPhase.Reserved, context.Phase);
    }

    [Fact]
    public async Task NoCarrierConfigured_IsFailed_AsCarrierUnavailable()
    {
        var context = Reserved(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"));

        var outcome = await Step(new FakeCarrierRelay(null)).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Failed), outcome);
        Assert.Equal(ReasonCode.CarrierUnavailable, Assert.Single(context.Verdicts, verdict => verdict.Rule == "relay").Reason);
    }

    [Fact]
    public async Task PastHalfTheLease_FailsClosed_WithoutTouchingACarrier()
    {
        var context = Reserved(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"));
        _clock.Advance(Store.ReservationLease / 2 + TimeSpan.FromMilliseconds(1));
        var carriers = new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Accepted, "smtp", "m-1", "250 OK"));

        var outcome = await Step(carriers).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.FailClosed, outcome.Kind);
        Assert.Equal((ReasonCode.ReservationExpired, Store.RetryAfter), (outcome.Reason, outcome.RetryAfter));
        Assert.Empty(carriers.Relayed);
    }

    [Fact]
    public async Task JustInsideHalfTheLease_Relays()
    {
        var context = Reserved(TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"));
        _clock.Advance(Store.ReservationLease / 2);
        var carriers = new FakeCarrierRelay(new CarrierResult(CarrierOutcome.Accepted, "smtp", "m-1", "250 OK"));

        var outcome = await Step(carriers).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Sent), outcome);
        Assert.Single(carriers.Relayed);
    }

    private RelayStep Step(FakeCarrierRelay carriers) => new(carriers, Options.Create(Store), new WallClock(_clock));

    /// <summary>A context as the reserve and recheck steps leave it: reserved now, the lender's figures known.</summary>
    private DecisionContext Reserved(Reminder reminder, DateTimeOffset? deadline = null)
    {
        var context = TestDecisionContexts.For(reminder, _clock, deadline: deadline);
        context.Phase = ReservationPhase.Reserved;
        context.ReservedCaps = context.Caps;
        context.ReservedAt = _clock.GetTimestamp();
        context.Facts = new RepaymentFacts(new Money { CurrencyCode = "USD", Units = 125, Nanos = 500_000_000 }, new Date { Year = 2026, Month = 11, Day = 1 });
        return context;
    }

    private static Reminder WithSmsFallback(Reminder reminder)
    {
        reminder.FallbackChannels.Add(Channel.Sms);
        reminder.FallbackTemplates["sms"] = "overdue-sms";
        reminder.FallbackContactPoints["sms"] = "+12025550101";
        return reminder;
    }
}
