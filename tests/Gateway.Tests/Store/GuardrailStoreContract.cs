using FsCheck;
using FsCheck.Fluent;
using Gateway.Decisions;
using Gateway.Guards.StatedPreferences;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tests.Guards.QuietHours;
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
        await harness.SendAsync(cap);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.SendAsync(cap);

        var refused = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, refused.Status);
        Assert.Equal(start + Day, Assert.Single(refused.Caps).FreesAt);
    }

    [Fact]
    public async Task Reserve_SlidingWindow_ExactAtTheBoundary()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        await harness.SendAsync(cap);

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
    public async Task Finish_RetriedAfterTheFirstTryRanWithItsReplyLost_RecordsOnce()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var (context, decision, firstTriedAt) = await ReserveAndDecideSentAsync(harness);

        await harness.Store.FinishAsync(context, decision, [], IdempotencyMode.Bind, default);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.Store.FinishAsync(context, decision, [], IdempotencyMode.Bind, default, retryOf: firstTriedAt);
        var history = await harness.Store.ListHistoryAsync(harness.Tenant.Id, "D-1", DateTimeOffset.UnixEpoch, harness.Clock.GetUtcNow().AddDays(1), 0, 10, default);

        var record = Assert.Single(history);
        Assert.Equal(firstTriedAt, record.RecordedAt.ToDateTimeOffset());
        Assert.Equal(decision, record.Decision);
    }

    [Fact]
    public async Task Finish_RetryOfAFirstTryThatNeverRan_RecordsAtTheFirstInstant()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var (context, decision, firstTriedAt) = await ReserveAndDecideSentAsync(harness);

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.Store.FinishAsync(context, decision, [], IdempotencyMode.Bind, default, retryOf: firstTriedAt);
        var history = await harness.Store.ListHistoryAsync(harness.Tenant.Id, "D-1", DateTimeOffset.UnixEpoch, harness.Clock.GetUtcNow().AddDays(1), 0, 10, default);
        var retry = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: context.Request.IdempotencyKey), [StoreHarness.Cap(5, Day)], default);

        Assert.Equal(firstTriedAt, Assert.Single(history).RecordedAt.ToDateTimeOffset());
        Assert.Equal(ReservationStatus.Duplicate, retry.Status);
    }

    /// <summary>A reservation taken and decided SENT, not yet recorded: what a carrier's acceptance leaves for the record step.</summary>
    private static async Task<(DecisionContext Context, Gateway.V1.Decision Decision, DateTimeOffset DecidedAt)> ReserveAndDecideSentAsync(StoreHarness harness)
    {
        var context = harness.Context();
        await harness.Store.CheckAndReserveAsync(context, [StoreHarness.Cap(5, Day)], default);
        return (context, DecisionFactory.Create(context, Gateway.V1.Outcome.Sent), harness.Clock.GetUtcNow());
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
    public async Task Consent_LendersOptOutRefuses_LendersGrantClears()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var context = harness.Context();
        var request = context.Request;

        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: false, ConsentSource.Lender, default);
        var optedOut = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);
        var otherAddress = await harness.Store.CheckAndReserveAsync(harness.Context(email: "other@example.com"), [], default);
        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: true, ConsentSource.Lender, default);
        var granted = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);
        var state = await harness.Store.GetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, default);

        Assert.Equal(ReservationStatus.OptedOut, optedOut.Status);
        Assert.Equal(ReservationStatus.Reserved, otherAddress.Status);
        Assert.Equal(ReservationStatus.Reserved, granted.Status);
        Assert.Equal(ConsentState.Granted, state.State);
        Assert.Equal(harness.Clock.GetUtcNow(), state.RecordedAt);
    }

    [Theory]
    [InlineData(nameof(ConsentSource.Keyword))]
    [InlineData(nameof(ConsentSource.Unsubscribe))]
    [InlineData(nameof(ConsentSource.Carrier))]
    public async Task Consent_PersonsOptOut_LendersGrantRefusedAndChangesNothing_PersonsOptInClears(string personSource)
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var request = harness.Context().Request;
        var source = Enum.Parse<ConsentSource>(personSource);
        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: false, source, default);

        // The lender's own revocation on top does not make the opt-out the lender's to undo.
        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: false, ConsentSource.Lender, default);
        var refused = await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: true, ConsentSource.Lender, default);
        var stillOptedOut = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);
        var optIn = await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: true, ConsentSource.Keyword, default);
        var afterOptIn = await harness.Store.CheckAndReserveAsync(harness.Context(), [], default);

        Assert.Equal((ConsentState.OptedOut, source, false), (refused.State, refused.RefusedBy, refused.Changed));
        Assert.Equal(ReservationStatus.OptedOut, stillOptedOut.Status);
        Assert.Equal((ConsentState.Granted, true, null), (optIn.State, optIn.Changed, optIn.RefusedBy));
        Assert.Equal(ReservationStatus.Reserved, afterOptIn.Status);
    }

    [Fact]
    public async Task Consent_OptOutWithoutASource_CountsAsThePersons()
    {
        // Opt-outs written before sources were kept: refusing the lender's grant is the safe reading.
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var request = harness.Context().Request;
        await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: false, ConsentSource.Keyword, default);
        var consentKey = new StoreKeys(harness.Tenant.Id, request.DebtorId).Consent;
        var sourceFields = (await harness.Connection.GetDatabase().HashKeysAsync(consentKey)).Where(field => field.ToString().StartsWith("optsrc:", StringComparison.Ordinal)).ToArray();
        await harness.Connection.GetDatabase().HashDeleteAsync(consentKey, Assert.Single(sourceFields));

        var refused = await harness.Store.SetConsentAsync(harness.Tenant.Id, request.DebtorId, request.Channel, request.Contact, granted: true, ConsentSource.Lender, default);

        Assert.Equal(ConsentSource.Keyword, refused.RefusedBy);
    }

    [Fact]
    public async Task Reserve_AbandonedReservation_CountsUntilItsLeaseEndsThenFrees()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        var key = "key-" + Guid.NewGuid().ToString("N");

        // Reserved and never settled: the instance that made it stopped mid-decision.
        await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);
        harness.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));
        var duringLease = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        var sameKeyDuringLease = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var sameKeyAfterLease = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, duringLease.Status);
        Assert.Equal(ReservationStatus.InFlight, sameKeyDuringLease.Status);
        Assert.Equal(ReservationStatus.Reserved, sameKeyAfterLease.Status);
        Assert.Equal(0, Assert.Single(sameKeyAfterLease.Caps).Count);
    }

    [Fact]
    public async Task Reserve_CommittedReservation_OutlivesTheLease()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        await harness.SendAsync(cap);

        harness.Clock.Advance(TimeSpan.FromHours(6));
        var later = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, later.Status);
    }

    [Fact]
    public async Task Reserve_CalendarDayCap_ResetsAtLocalMidnightNotAfterTwentyFourHours()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = new CapRule("calendar-cap", CapScope.Debtor, [], TimeSpan.Zero, 1, CapPeriod.CalendarDay);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 2026-11-23 20:00Z is 15:00 in New York; local midnight is 05:00Z the next day.
        await harness.SendAsync(cap, harness.Context(reminder: InZone("America/New_York")));
        var sameDay = await harness.Store.CheckAndReserveAsync(harness.Context(reminder: InZone("America/New_York")), [cap], default);
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 4, 59, 59, TimeSpan.Zero));
        var lastSecond = await harness.Store.CheckAndReserveAsync(harness.Context(reminder: InZone("America/New_York")), [cap], default);
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));
        var nextDay = await harness.Store.CheckAndReserveAsync(harness.Context(reminder: InZone("America/New_York")), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, sameDay.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, 11, 24))), Assert.Single(sameDay.Caps).FreesAt);
        Assert.Equal(ReservationStatus.CapExceeded, lastSecond.Status);
        Assert.Equal(ReservationStatus.Reserved, nextDay.Status);
    }

    [Fact]
    public async Task Reserve_ConversationCap_CheckedButNeverFedByReservations()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var lockout = new CapRule("lockout", CapScope.Debt, [], TimeSpan.FromDays(7), 1, CapPeriod.Sliding, CapCounts.Conversations);

        var first = await harness.SendAsync(lockout);
        var second = await harness.SendAsync(lockout);
        var context = harness.Context();
        var conversationAt = harness.Clock.GetUtcNow().AddHours(-1);
        await harness.Store.RecordContactAsync(harness.Tenant.Id, "D-1", "L-1", context.Request.Contact, "call-1", conversationAt, [lockout], default);
        await harness.Store.RecordContactAsync(harness.Tenant.Id, "D-1", "L-1", context.Request.Contact, "call-1", conversationAt, [lockout], default);
        var afterConversation = await harness.Store.CheckAndReserveAsync(harness.Context(), [lockout], default);

        Assert.Equal(ReservationStatus.Reserved, first.Status);
        Assert.Equal(0, Assert.Single(second.Caps).Count);
        Assert.Equal(ReservationStatus.CapExceeded, afterConversation.Status);
        Assert.Equal(1, Assert.Single(afterConversation.Caps).Count);
        Assert.Equal(conversationAt + TimeSpan.FromDays(7), afterConversation.Caps[0].FreesAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task RecordContact_AttemptsMadeElsewhere_CountAgainstAttemptCaps()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(3, Day, CapScope.Debt);
        var contact = harness.Context().Request.Contact;
        for (var i = 0; i < 3; i++)
        {
            await harness.Store.RecordContactAsync(harness.Tenant.Id, "D-1", "L-1", contact, $"agent-call-{i}", harness.Clock.GetUtcNow(), [cap], default);
        }

        var refused = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        Assert.Equal(ReservationStatus.CapExceeded, refused.Status);
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
    public async Task Preview_IgnoresTheIdempotencyKeyCountsCapsAndReservesNothing()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(2, Day);
        var key = "key-" + Guid.NewGuid().ToString("N");
        await harness.SendAsync(cap, harness.Context(idempotencyKey: key));

        var previews = new List<Reservation>();
        for (var i = 0; i < 3; i++)
        {
            previews.Add(await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key, mode: DecisionMode.Preview), [cap], default));
        }

        var lowered = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key, mode: DecisionMode.Preview), [StoreHarness.Cap(1, Day)], default);
        var retry = await harness.Store.CheckAndReserveAsync(harness.Context(idempotencyKey: key), [cap], default);
        var real = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);

        // The key already answers, yet a preview decides the request afresh; it counts the one send and adds none.
        Assert.All(previews, preview => Assert.Equal((ReservationStatus.WouldReserve, 1L), (preview.Status, Assert.Single(preview.Caps).Count)));
        Assert.Equal(ReservationStatus.CapExceeded, lowered.Status);
        Assert.Equal(ReservationStatus.Duplicate, retry.Status);
        Assert.Equal((ReservationStatus.Reserved, 1L), (real.Status, Assert.Single(real.Caps).Count));
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
            if (action < 8)
            {
                // 0-5: a reminder that is sent (reservation committed); 6-7: one suppressed after
                // its reservation (released, so it must free its slot at once).
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
                    var released = action >= 6;
                    await harness.Store.FinishAsync(context, decision: null, released ? [cap] : [], released ? IdempotencyMode.Unbind : IdempotencyMode.Bind, default);
                    model.Add((now, context, released));
                }
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

    [Fact]
    public async Task Preferences_SetGetClear_ReplacedWholeAndClearedWhole()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var tenant = harness.Tenant.Id;
        var weekdays = Window(540, 1020, DayOfWeek.Monday, DayOfWeek.Friday);
        var evenings = Window(1080, 1440, DayOfWeek.Saturday);

        await harness.Store.SetPreferencesAsync(tenant, "D-1", new DebtorPreferences([Channel.Sms, Channel.Email], [weekdays, evenings]), default);
        var first = await harness.Store.GetPreferencesAsync(tenant, "D-1", default);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Store.SetPreferencesAsync(tenant, "D-1", new DebtorPreferences([], [evenings]), default);
        var replaced = await harness.Store.GetPreferencesAsync(tenant, "D-1", default);
        var cleared = await harness.Store.ClearPreferencesAsync(tenant, "D-1", default);
        var afterClear = await harness.Store.GetPreferencesAsync(tenant, "D-1", default);
        var clearedAgain = await harness.Store.ClearPreferencesAsync(tenant, "D-1", default);
        var otherDebtor = await harness.Store.GetPreferencesAsync(tenant, "D-2", default);

        Assert.Equal([Channel.Sms, Channel.Email], first!.Preferences.Channels.ToArray());
        Assert.Equal("15:540-1020;6:1080-1440", PreferenceFields.FormatWindows(first.Preferences.Windows));
        Assert.Equal(TimeOnly.MaxValue, first.Preferences.Windows[1].To);
        Assert.Empty(replaced!.Preferences.Channels);
        Assert.Equal("6:1080-1440", PreferenceFields.FormatWindows(replaced.Preferences.Windows));
        Assert.Equal(harness.Clock.GetUtcNow(), replaced.RecordedAt);
        Assert.True(cleared);
        Assert.Null(afterClear);
        Assert.False(clearedAgain);
        Assert.Null(otherDebtor);
    }

    [Fact]
    public async Task Reserve_ChannelNotStated_RefusedBeforeTheCapsAndNothingReserved()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);
        await harness.Store.SetPreferencesAsync(harness.Tenant.Id, "D-1", new DebtorPreferences([Channel.Sms], []), default);

        var refused = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        var dryRun = await harness.Store.CheckAndReserveAsync(harness.Context(mode: DecisionMode.DryRun), [cap], default);
        await harness.Store.SetPreferencesAsync(harness.Tenant.Id, "D-1", new DebtorPreferences([Channel.Sms, Channel.Email], []), default);
        var stated = await harness.Store.CheckAndReserveAsync(harness.Context(), [cap], default);
        var noneStated = await harness.Store.CheckAndReserveAsync(harness.Context(debtorId: "D-2"), [cap], default);

        Assert.Equal(ReservationStatus.ChannelNotPreferred, refused.Status);
        Assert.Equal(ReservationStatus.ChannelNotPreferred, dryRun.Status);
        Assert.Equal(ReservationStatus.Reserved, stated.Status);
        Assert.Equal(0, Assert.Single(stated.Caps).Count);
        Assert.True(stated.StatedPreferencesMet);
        Assert.Equal(ReservationStatus.Reserved, noneStated.Status);
        Assert.False(noneStated.StatedPreferencesMet);
    }

    [Fact]
    public async Task Reserve_OutsideTheStatedWindowInOneOfTwoZones_RefusedWithTheStatedWindows()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);
        var cap = StoreHarness.Cap(1, Day);

        // 2026-11-23 20:00Z: Monday 15:00 in New York, 12:00 in Los Angeles.
        var rules = harness.RulesPlacingRecipientIn(["America/New_York", "America/Los_Angeles"]);
        await harness.Store.SetPreferencesAsync(harness.Tenant.Id, "D-1", new DebtorPreferences([], [Window(780, 1080, DayOfWeek.Monday)]), default);
        var outside = await harness.Store.CheckAndReserveAsync(harness.Context(rules: rules), [cap], default);
        await harness.Store.SetPreferencesAsync(harness.Tenant.Id, "D-1", new DebtorPreferences([], [Window(720, 960, DayOfWeek.Monday)]), default);
        var inside = await harness.Store.CheckAndReserveAsync(harness.Context(rules: rules), [cap], default);

        Assert.Equal(ReservationStatus.OutsideStatedHours, outside.Status);
        Assert.Equal("1:780-1080", PreferenceFields.FormatWindows(outside.StatedWindows));
        Assert.Equal(ReservationStatus.Reserved, inside.Status);
        Assert.Equal(0, Assert.Single(inside.Caps).Count);
    }

    /// <summary>
    /// The time rule as reserve.lua applies it, on random stated windows, zone sets (DST zones
    /// included) and instants, half of them near a DST transition: the store admits an instant
    /// exactly when its local time is inside a stated window in every candidate zone, by the
    /// test's own reading of local time.
    /// </summary>
    [Fact]
    public async Task Reserve_RandomStatedWindowsZonesAndInstants_AdmitsExactlyInsideAWindowInEveryZone()
    {
        await using var harness = await StoreHarness.ConnectAsync(ConnectionString);

        // Each case runs on the thread pool, off the test's synchronisation context, which the property blocks.
        Prop.ForAll(CalendarScenarios.Scenario(), scenario => Task.Run(() => AdmitsAsTheModelSays(harness, scenario)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static async Task<bool> AdmitsAsTheModelSays(StoreHarness harness, CalendarScenario scenario)
    {
        var debtor = "D-" + Guid.NewGuid().ToString("N")[..12];
        await harness.Store.SetPreferencesAsync(harness.Tenant.Id, debtor, new DebtorPreferences([], [.. scenario.ContactWindows]), default);
        var context = harness.Context(debtor, mode: DecisionMode.DryRun, rules: harness.RulesPlacingRecipientIn(scenario.ZoneIds), at: scenario.Instant);

        var result = await harness.Store.CheckAndReserveAsync(context, [], default);

        return result.Status == (scenario.AllowedEverywhere(scenario.Instant) ? ReservationStatus.WouldReserve : ReservationStatus.OutsideStatedHours);
    }

    /// <summary>A stated window from <paramref name="from"/> to <paramref name="to"/> (minutes of the day) on each of <paramref name="days"/>.</summary>
    private static ContactWindow Window(int from, int to, params DayOfWeek[] days) =>
        new([.. days], ContactWindowText.TimeAt(from), ContactWindowText.TimeAt(to));

    private static Reminder InZone(string zone)
    {
        var reminder = Infrastructure.TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com");
        reminder.RecipientTimeZone = zone;
        return reminder;
    }

    private static Reminder TestReminderWithKey(string key)
    {
        var reminder = Infrastructure.TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com", key);
        reminder.TemplateParameters["first_name"] = "Different";
        return reminder;
    }
}
