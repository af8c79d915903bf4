using FsCheck;
using FsCheck.Fluent;
using Gateway.Pipeline;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Tests.Store;

/// <summary>
/// What every store the gateway runs on must do, proved on a real server: standalone redis-server,
/// the embedded Garnet, and Redis Cluster each run this same suite through a subclass.
/// </summary>
public abstract class GuardrailStoreContract
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    protected abstract string ConnectionString { get; }

    [Fact]
    public async Task Reserve_UnderCap_ReservesAndCountsWhatCameBefore()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(3, Day);

        var first = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        var second = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.Reserved, first.Status);
        Assert.Equal(0, Assert.Single(first.Caps).Count);
        Assert.Equal(1, Assert.Single(second.Caps).Count);
    }

    [Fact]
    public async Task Reserve_CapFull_RefusedWithTheInstantASlotFrees()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(2, Day);
        var start = harness.Clock.GetUtcNow();
        await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        var refused = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, refused.Status);
        Assert.Equal(start + Day, Assert.Single(refused.Caps).FreesAt);
    }

    [Fact]
    public async Task Reserve_SlidingWindow_ExactAtTheBoundary()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        harness.Clock.Advance(Day - TimeSpan.FromMilliseconds(1));
        var justBefore = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atBoundary = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, justBefore.Status);
        Assert.Equal(ReservationStatus.Reserved, atBoundary.Status);
    }

    [Fact]
    public async Task Finish_ReleasingAReservation_FreesItsSlot()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        var context = harness.Context();
        await harness.Store.CheckAndReserveAsync(context, [cap], default);

        await harness.Store.FinishAsync(context, decision: null, [cap], IdempotencyMode.Unbind, default);
        var next = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.Reserved, next.Status);
    }

    [Fact]
    public async Task Idempotency_BoundDecision_ReplayedConflictRefusedPendingInFlight()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(5, Day);
        var key = "key-" + Guid.NewGuid().ToString("N");
        var first = harness.Context(idempotencyKey: key);
        await harness.Store.CheckAndReserveAsync(first, [cap], default);

        var whilePending = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);
        var decision = DecisionFactory.Create(first, Gateway.V1.Outcome.Sent);
        await harness.Store.FinishAsync(first, decision, [], IdempotencyMode.Bind, default);
        var afterBind = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);
        var different = TestReminderWithKey(key);
        var conflict = await harness.Store.CheckAndReserveAsync(harness.Context(reminder: different), [cap], default);
        var stored = await harness.Store.GetDecisionAsync(harness.Tenant.Id, "D-1", first.ReminderId, default);

        Assert.Equal(ReservationStatus.InFlight, whilePending.Status);
        Assert.Equal(ReservationStatus.Duplicate, afterBind.Status);
        Assert.Equal(decision, afterBind.ExistingDecision);
        Assert.Equal(ReservationStatus.Conflict, conflict.Status);
        Assert.Equal(first.ReminderId, conflict.ExistingReminderId);
        Assert.Equal(decision, stored);
    }

    [Fact]
    public async Task Idempotency_Unbound_DecidedAfresh()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(5, Day);
        var key = "key-" + Guid.NewGuid().ToString("N");
        var first = harness.Context(idempotencyKey: key);
        await harness.Store.CheckAndReserveAsync(first, [cap], default);

        await harness.Store.FinishAsync(first, decision: null, [cap], IdempotencyMode.Unbind, default);
        var retry = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);

        Assert.Equal(ReservationStatus.Reserved, retry.Status);
        Assert.Equal(0, Assert.Single(retry.Caps).Count);
    }

    [Fact]
    public async Task Consent_OptOutRefusesGrantClears()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var context = harness.Context();
        var request = context.Request;

        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: false, default);
        var optedOut = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);
        var otherAddress = await harness.Store.CheckAndReserveAsync(harness.Context(email: "other@example.com"), [], default);
        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: true, default);
        var granted = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);
        var state = await harness.Store.GetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, default);

        Assert.Equal(ReservationStatus.OptedOut, optedOut.Status);
        Assert.Equal(ReservationStatus.Reserved, otherAddress.Status);
        Assert.Equal(ReservationStatus.Reserved, granted.Status);
        Assert.Equal(ConsentState.Granted, state.State);
        Assert.Equal(harness.Clock.GetUtcNow(), state.RecordedAt);
    }

    [Fact]
    public async Task DryRun_ReservesNothing()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);

        var dryRuns = new List<ReservationStatus>();
        for (var i = 0; i < 3; i++)
        {
            dryRuns.Add((await harness.Store.CheckAndReserveAsync(harness.Context(mode: DecisionMode.DryRun), [cap], default)).Status);
        }

        var real = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.All(dryRuns, status => Assert.Equal(ReservationStatus.WouldReserve, status));
        Assert.Equal(ReservationStatus.Reserved, real.Status);
    }

    [Fact]
    public async Task Reserve_HundredConcurrentAgainstCapOfThree_ExactlyThree()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(3, Day);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default)));

        Assert.Equal(3, results.Count(r => r.Status == ReservationStatus.Reserved));
        Assert.Equal(97, results.Count(r => r.Status == ReservationStatus.CapExceeded));
    }

    /// <summary>
    /// The cap law, on random sequences of reservations, releases and clock steps: the store admits a
    /// reservation exactly when fewer than K unreleased reservations lie in the trailing window, so no
    /// window ever holds K+1, and a released reservation frees its slot.
    /// </summary>
    [Fact]
    public void Reserve_RandomSequences_NeverAdmitsMoreThanTheCapAndMatchesTheModel()
    {
        var steps = Gen.Choose(0, 9).Zip(Gen.Choose(1, 120)).ListOf().Where(list => list.Count is > 0 and <= 40);
        var limits = Gen.Choose(1, 4);
        Prop.ForAll(limits.ToArbitrary(), steps.ToArbitrary(), (limit, plan) => CheckAgainstModel(limit, plan).GetAwaiter().GetResult())
            .QuickCheckThrowOnFailure();
    }

    private async Task<bool> CheckAgainstModel(int limit, IReadOnlyList<(int Action, int Minutes)> plan)
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var window = TimeSpan.FromHours(2);
        var cap = StoreHarness.Cap(limit, window);
        var model = new List<(DateTimeOffset At, DecisionContext Context, bool Released)>();
        foreach (var (action, minutes) in plan)
        {
            if (action < 6)
            {
                var context = harness.Context();
                var now = harness.Clock.GetUtcNow();
                var live = model.Count(entry => !entry.Released && entry.At > now - window);
                var result = await harness.Store.CheckAndReserveAsync(context, [cap], default);
                var admitted = result.Status == ReservationStatus.Reserved;
                if (admitted != (live < limit))
                {
                    return false;
                }

                if (admitted)
                {
                    model.Add((now, context, false));
                }
            }
            else if (action < 8 && model.FindLastIndex(entry => !entry.Released) is var index and >= 0)
            {
                await harness.Store.FinishAsync(model[index].Context, decision: null, [cap], IdempotencyMode.Unbind, default);
                model[index] = model[index] with { Released = true };
            }
            else
            {
                harness.Clock.Advance(TimeSpan.FromMinutes(minutes));
            }

            var at = harness.Clock.GetUtcNow();
            if (model.Count(entry => !entry.Released && entry.At > at - window) > limit)
            {
                return false;
            }
        }

        return true;
    }

    private static Reminder TestReminderWithKey(string key)
    {
        var reminder = Infrastructure.TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com", key);
        reminder.TemplateParameters["first_name"] = "Different";
        return reminder;
    }
}
