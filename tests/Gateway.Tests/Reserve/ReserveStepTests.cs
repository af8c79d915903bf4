using Gateway.Decisions;
using Gateway.Reserve;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Reserve;

/// <summary>
/// Step 3 alone, against a fake store and a fake clock: what each answer of the check-and-reserve
/// round trip makes of the decision, and the wait on a key another request is deciding.
/// </summary>
public sealed class ReserveStepTests
{
    private static readonly StoreOptions Options = new() { ConnectionString = "unused", RetryAfter = TimeSpan.FromSeconds(42) };

    private readonly FakeTimeProvider _clock = GatewayTestHost.DaytimeClock();

    [Fact]
    public async Task Reserved_Continues_HoldingEveryCapFromNow()
    {
        var context = Context();
        var counts = context.Caps.Select(cap => new CapCount(cap, 0, null)).ToArray();
        var store = new FakeReservationStore(new Reservation(ReservationStatus.Reserved, counts));

        var outcome = await Step(store).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Same(context.Caps, store.CapsAsked);
        Assert.Equal(ReservationPhase.Reserved, context.Phase);
        Assert.Equal(context.Caps, context.ReservedCaps);
        Assert.Equal(_clock.GetTimestamp(), context.ReservedAt);
        Assert.Equal(["consent", .. context.Caps.Select(cap => "cap:" + cap.Id)], context.Verdicts.Select(verdict => verdict.Rule));
        Assert.All(context.Verdicts, verdict => Assert.True(verdict.Passed));
    }

    [Fact]
    public async Task StoreUnavailable_FailsClosed_WithNothingToRecord()
    {
        var context = Context();

        var outcome = await Step(new FakeReservationStore(Reserved(context)) { Unavailable = true }).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.FailClosed, outcome.Kind);
        Assert.Equal(ReasonCode.StoreUnavailable, outcome.Reason);
        Assert.Equal(Options.RetryAfter, outcome.RetryAfter);
        Assert.False(outcome.Recordable);
        Assert.Equal(ReservationPhase.None, context.Phase);
        Assert.Equal(Verdict.Unavailable, Assert.Single(context.Verdicts).Verdict);
    }

    [Fact]
    public async Task StoreUnavailable_InAPreview_IsTheCallersError()
    {
        // A rule-set preview answers UNAVAILABLE as a whole rather than a fail-closed decision per reminder.
        var context = Context(DecisionMode.Preview);

        await Assert.ThrowsAsync<StoreUnavailableException>(async () =>
            await Step(new FakeReservationStore(Reserved(context)) { Unavailable = true }).RunAsync(context, default));
    }

    [Fact]
    public async Task Duplicate_AnswersTheStoredDecision_MarkedReplayed_WithoutChangingIt()
    {
        var context = Context();
        var stored = new Decision { ReminderId = "r-first", Outcome = Outcome.Sent };

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.Duplicate, [], "r-first", stored))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Answer, outcome.Kind);
        Assert.True(outcome.Answer!.Replayed);
        Assert.Equal("r-first", outcome.Answer.ReminderId);
        Assert.False(stored.Replayed);
        Assert.Empty(context.Verdicts);
    }

    [Fact]
    public async Task Conflict_IsTheCallersError_NamingTheFirstReminder()
    {
        var context = Context();

        var error = await Assert.ThrowsAsync<IdempotencyConflictException>(async () =>
            await Step(new FakeReservationStore(new Reservation(ReservationStatus.Conflict, [], "r-first"))).RunAsync(context, default));

        Assert.Contains("r-first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ReservationStatus.OptedOut), ReasonCode.OptedOut)]
    [InlineData(nameof(ReservationStatus.ConsentMissing), ReasonCode.ConsentMissing)]
    public async Task ConsentRefused_IsSuppressed_ByTheConsentRule(string status, ReasonCode reason)
    {
        var context = Context();

        var outcome = await Step(new FakeReservationStore(new Reservation(Enum.Parse<ReservationStatus>(status), []))).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        var verdict = Assert.Single(context.Verdicts);
        Assert.Equal(("consent", Verdict.Suppress, reason), (verdict.Rule, verdict.Verdict, verdict.Reason));
        Assert.Equal(ReservationPhase.None, context.Phase);
    }

    [Fact]
    public async Task CapFull_WithoutDeferUntil_IsSuppressed_NamingTheCapAndWhenItFrees()
    {
        var context = Context();
        var frees = _clock.GetUtcNow().AddHours(3);
        var counts = context.Caps.Select((cap, index) => new CapCount(cap, index == 0 ? cap.Limit : 0, index == 0 ? frees : null)).ToArray();

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.CapExceeded, counts))).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        var refused = Assert.Single(context.Verdicts, verdict => !verdict.Passed);
        Assert.Equal(("cap:" + context.Caps[0].Id, ReasonCode.CapExceeded, frees), (refused.Rule, refused.Reason, refused.NotBefore));
        Assert.Equal(ReservationPhase.None, context.Phase);
    }

    [Fact]
    public async Task CapFull_FreeingBeforeDeferUntil_IsDeferredToThatInstant()
    {
        var frees = _clock.GetUtcNow().AddHours(3);
        var context = Context(reminder: TestReminders.OverdueEmail("D-7", "L-7", "d7@example.com").Deferrable(_clock.GetUtcNow().AddDays(1)));
        var counts = context.Caps.Select((cap, index) => new CapCount(cap, index == 0 ? cap.Limit : 0, index == 0 ? frees : null)).ToArray();

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.CapExceeded, counts))).RunAsync(context, default);

        Assert.Equal(StepOutcome.Decide(Outcome.Deferred), outcome);
        Assert.Equal(frees, Assert.Single(context.Verdicts, verdict => !verdict.Passed).NotBefore);
    }

    [Fact]
    public async Task DryRun_WouldReserve_Continues_HoldingNothing()
    {
        var context = Context(DecisionMode.DryRun);

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.WouldReserve, []))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Equal(ReservationPhase.None, context.Phase);
        Assert.Empty(context.ReservedCaps);
    }

    [Fact]
    public async Task Preview_EndsAtTheStore_WithNoOutcome()
    {
        var context = Context(DecisionMode.Preview);

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.WouldReserve, []))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Answer, outcome.Kind);
        Assert.Equal(Outcome.Unspecified, outcome.Answer!.Outcome);
        Assert.Equal(ReservationPhase.None, context.Phase);
    }

    [Fact]
    public async Task ReleasingACancelledHold_AnswersSuppressed_WithoutRecordingAgain()
    {
        var context = Context();

        var outcome = await Step(new FakeReservationStore(new Reservation(ReservationStatus.Cancelled, []))).RunAsync(context, default);

        Assert.Equal(StepOutcomeKind.Answer, outcome.Kind);
        Assert.Equal(Outcome.Suppressed, outcome.Answer!.Outcome);
        Assert.Equal(ReasonCode.Cancelled, Assert.Single(context.Verdicts).Reason);
    }

    [Fact]
    public async Task KeyInFlight_WaitsForTheOtherDecision_AndReplaysIt()
    {
        var context = Context();
        var theirs = new Decision { ReminderId = "r-other", Outcome = Outcome.Sent };
        var store = new FakeReservationStore(new Reservation(ReservationStatus.InFlight, [], "r-other"))
            .ThenKey(null, inFlight: true)
            .ThenKey(null, inFlight: true)
            .ThenKey(theirs, inFlight: false);

        var outcome = await DriveAsync(Step(store).RunAsync(context, default), TimeSpan.FromMilliseconds(20));

        Assert.Equal(StepOutcomeKind.Answer, outcome.Kind);
        Assert.Equal("r-other", outcome.Answer!.ReminderId);
        Assert.True(outcome.Answer.Replayed);
        Assert.Equal(3, store.KeyReads);
    }

    [Fact]
    public async Task KeyInFlight_OtherRequestEndsWithoutDecision_DecidesAfresh()
    {
        var context = Context();
        var store = new FakeReservationStore(new Reservation(ReservationStatus.InFlight, [])).ThenKey(null, inFlight: false);

        var outcome = await DriveAsync(Step(store).RunAsync(context, default), TimeSpan.FromMilliseconds(20));

        Assert.Equal(StepOutcomeKind.DecideAgain, outcome.Kind);
    }

    [Fact]
    public async Task KeyInFlight_ForTenSeconds_IsUnavailable_NeverDecidedTwice()
    {
        var context = Context();
        var store = new FakeReservationStore(new Reservation(ReservationStatus.InFlight, []));

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => DriveAsync(Step(store).RunAsync(context, default), TimeSpan.FromSeconds(1)));

        Assert.Equal(ReasonCode.DuplicateInFlight, error.Reason);
        Assert.InRange(store.KeyReads, 9, 11);
    }

    [Fact]
    public async Task KeyInFlight_PastTheCallersDeadline_StopsWaiting()
    {
        var context = Context(deadline: _clock.GetUtcNow().AddMilliseconds(100));
        var store = new FakeReservationStore(new Reservation(ReservationStatus.InFlight, []));

        await Assert.ThrowsAsync<GatewayUnavailableException>(() => DriveAsync(Step(store).RunAsync(context, default), TimeSpan.FromMilliseconds(20)));

        Assert.InRange(store.KeyReads, 4, 6);
    }

    private ReserveStep Step(IReservationStore store) =>
        new(store, Microsoft.Extensions.Options.Options.Create(Options), new WallClock(_clock), NullLogger<ReserveStep>.Instance);

    private DecisionContext Context(DecisionMode mode = DecisionMode.Send, Reminder? reminder = null, DateTimeOffset? deadline = null) =>
        TestDecisionContexts.For(reminder ?? TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com"), _clock, mode: mode, deadline: deadline);

    private static Reservation Reserved(DecisionContext context) =>
        new(ReservationStatus.Reserved, context.Caps.Select(cap => new CapCount(cap, 0, null)).ToArray());

    /// <summary>Moves the fake clock on by <paramref name="step"/> until the step's wait ends; bounded in steps.</summary>
    private async Task<StepOutcome> DriveAsync(ValueTask<StepOutcome> running, TimeSpan step)
    {
        var task = running.AsTask();
        for (var i = 0; i < 2_000 && !task.IsCompleted; i++)
        {
            _clock.Advance(step);

            // Let the continuation that the advance released register its next delay.
            await Task.Delay(1);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
