using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Deferral;
using Gateway.Observability;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Record;

/// <summary>
/// Step 6, the fixed last step: records the decision before its answer leaves, and is the one
/// place that decides what an outcome does to the reservation (<see cref="Settlement"/>). A
/// deferred reminder whose request allows it is held and released by the gateway at its instant.
/// </summary>
internal sealed class RecordStep(GuardrailStore store, HeldReminders held, UnwrittenRecords unwritten, ILogger<RecordStep> logger)
{
    public async Task<Decision> RecordAsync(DecisionContext context, Decision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decision);
        if (context.Mode != DecisionMode.Send)
        {
            return decision;
        }

        // The record is the round trip a slow store shows in, so it is a span of its own.
        using var activity = GatewayActivities.Source.StartActivity(GatewayActivities.Record);
        activity?.SetTag(TraceTags.Outcome, RuleNames.Of(decision.Outcome));
        var forReview = decision.Reasons.Contains(ReasonCode.PendingReview);
        if (context.Phase == ReservationPhase.None && decision.Outcome == Outcome.Deferred && (context.Request.DeferUntil is not null || forReview))
        {
            return await HoldAsync(context, decision, forReview, cancellationToken).ConfigureAwait(false);
        }

        var (release, mode) = Settlement(context, decision.Outcome);

        // A decision that holds nothing has not claimed its key (refused by a local rule, by consent
        // or by a full cap): the same round trip that records it checks the key and, for a final
        // outcome, binds it, so a retry gets this decision. Once anything is held, the record is
        // written whatever becomes of the caller.
        var checkIdempotency = context.Phase == ReservationPhase.None;
        var token = context.Phase == ReservationPhase.None ? cancellationToken : CancellationToken.None;
        try
        {
            var result = await store.FinishAsync(context, decision, release, mode, token, checkIdempotency).ConfigureAwait(false);
            return result.Status switch
            {
                RecordStatus.Duplicate => Replay(result.Existing!),
                RecordStatus.Conflict => throw new IdempotencyConflictException(context.Request.IdempotencyKey, result.ExistingReminderId),
                _ => decision,
            };
        }
        catch (StoreUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "store_unavailable");
            RecordLog.RecordFailed(logger, context.ReminderId, decision.Outcome, ex);
            unwritten.Add(context, decision, release, mode, checkIdempotency);
        }

        return decision;
    }

    /// <summary>
    /// Lets go of everything the decision holds (its key and its cap slots) without recording a
    /// decision, so that a retry is decided afresh: for a guardrail that could not be evaluated.
    /// </summary>
    public Task ReleaseAsync(DecisionContext context) => LetGoAsync(context, IdempotencyMode.Unbind, ReservationPhase.None);

    /// <summary>Lets go of the cap slots only, keeping the key pending: a fallback to another channel is about to be decided under it.</summary>
    public Task ReleaseCapsAsync(DecisionContext context) => LetGoAsync(context, IdempotencyMode.None, ReservationPhase.KeyHeld);

    /// <summary>
    /// What an outcome does to the reservation, by how far it had gone: nothing was held, no slot to
    /// free, but a final outcome binds the key (a deferral that is not held leaves it free); once a
    /// carrier may hold the message, the key is bound and the slots keep counting; before that, a
    /// final outcome binds the key and frees the slots, and a deferral frees both.
    /// </summary>
    internal static (IReadOnlyList<CapRule> Release, IdempotencyMode Mode) Settlement(DecisionContext context, Outcome outcome) => context.Phase switch
    {
        ReservationPhase.None => ([], outcome == Outcome.Deferred ? IdempotencyMode.None : IdempotencyMode.Bind),
        ReservationPhase.RelayBegun => ([], IdempotencyMode.Bind),
        ReservationPhase.KeyHeld => ([], outcome == Outcome.Deferred ? IdempotencyMode.Unbind : IdempotencyMode.Bind),
        _ => (context.ReservedCaps, outcome == Outcome.Deferred ? IdempotencyMode.Unbind : IdempotencyMode.Bind),
    };

    private async Task LetGoAsync(DecisionContext context, IdempotencyMode mode, ReservationPhase after)
    {
        if (context.Mode != DecisionMode.Send || context.Phase == ReservationPhase.None)
        {
            return;
        }

        var release = context.Phase == ReservationPhase.Reserved ? context.ReservedCaps : [];
        try
        {
            await store.FinishAsync(context, decision: null, release, mode, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            RecordLog.ReleaseFailed(logger, context.ReminderId, ex);
        }

        context.Phase = after;
        context.ReservedCaps = [];
    }

    private async Task<Decision> HoldAsync(DecisionContext context, Decision decision, bool forReview, CancellationToken cancellationToken)
    {
        decision.Held = true;
        try
        {
            var result = await held.HoldAsync(context, context.Request.Original, decision, cancellationToken, forReview).ConfigureAwait(false);
            return result.Status switch
            {
                RecordStatus.Duplicate => Replay(result.Existing!),
                RecordStatus.Conflict => throw new IdempotencyConflictException(context.Request.IdempotencyKey, result.ExistingReminderId),
                _ => decision,
            };
        }
        catch (StoreUnavailableException ex)
        {
            RecordLog.HoldFailed(logger, context.ReminderId, ex);
            decision.Held = false;
            return decision;
        }
    }

    private static Decision Replay(Decision stored)
    {
        var replay = stored.Clone();
        replay.Replayed = true;
        return replay;
    }
}
