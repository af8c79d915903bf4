using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Guards.StatedPreferences;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Reserve;

/// <summary>
/// Step 3: one round trip checks idempotency, consent, the debtor's stated preferences and every
/// cap, and reserves the send. A key still being decided elsewhere is waited on, never decided twice.
/// </summary>
internal sealed class ReserveStep(IReservationStore store, IOptions<StoreOptions> options, WallClock wall, ILogger<ReserveStep> logger) : IDecisionStep
{
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan InFlightWaitLimit = TimeSpan.FromSeconds(10);

    public string Name => "reserve";

    public async ValueTask<StepOutcome> RunAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Reservation reservation;
        try
        {
            reservation = await store.CheckAndReserveAsync(context, context.Caps, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (context.Mode != DecisionMode.Preview)
        {
            ReserveLog.StoreUnavailable(logger, ex);
            context.Add(GuardVerdict.Unavailable("store", ReasonCode.StoreUnavailable, "the guardrail store did not answer in time"));

            // Nothing can be recorded or held while the store is down: the caller must resend.
            return StepOutcome.FailClosed(ReasonCode.StoreUnavailable, options.Value.RetryAfter, "The guardrail store cannot be reached; nothing was sent.", recordable: false);
        }

        switch (reservation.Status)
        {
            case ReservationStatus.Duplicate:
                return StepOutcome.Answered(Replay(reservation.ExistingDecision!));
            case ReservationStatus.InFlight:
                return await AwaitInFlightAsync(context, cancellationToken).ConfigureAwait(false);
            case ReservationStatus.Conflict:
                throw new IdempotencyConflictException(context.Request.IdempotencyKey, reservation.ExistingReminderId);
            case ReservationStatus.Cancelled:
                // The held reminder was cancelled or expired before this release began; that was recorded then.
                context.Add(GuardVerdict.Suppress("hold", ReasonCode.Cancelled, "cancelled before its release"));
                return StepOutcome.Answered(DecisionFactory.Create(context, Outcome.Suppressed));
            case ReservationStatus.OptedOut:
                context.Add(GuardVerdict.Suppress("consent", ReasonCode.OptedOut, $"opted out of {RuleNames.Of(context.Request.Channel)} at this contact point"));
                return StepOutcome.Decide(Outcome.Suppressed);
            case ReservationStatus.ConsentMissing:
                context.Add(GuardVerdict.Suppress("consent", ReasonCode.ConsentMissing, $"{RuleNames.Of(context.Request.Channel)} needs recorded consent in {context.Jurisdiction.Code}"));
                return StepOutcome.Decide(Outcome.Suppressed);
            case ReservationStatus.ChannelNotPreferred:
            case ReservationStatus.OutsideStatedHours:
                // Nothing was reserved: the debtor's stated wish refused it before the caps.
                context.Add(GuardVerdict.Pass("consent"));
                context.Add(reservation.Status == ReservationStatus.ChannelNotPreferred
                    ? StatedPreferencesRule.ChannelNotPreferred(context)
                    : StatedPreferencesRule.OutsideStatedHours(context, reservation.StatedWindows));
                return StepOutcome.Decide(DecisionFactory.OutcomeOf(context.Verdicts)!.Value);
            case ReservationStatus.CapExceeded:
                AddStoreVerdicts(context, reservation);
                return StepOutcome.Decide(DecisionFactory.OutcomeOf(context.Verdicts)!.Value);
            case ReservationStatus.Reserved:
            case ReservationStatus.WouldReserve:
                AddStoreVerdicts(context, reservation);
                break;
            default:
                throw new UnreachableException($"Unknown reservation status {reservation.Status}");
        }

        if (context.Mode == DecisionMode.Preview)
        {
            // A rule set preview ends at the store: the recheck and the relay do not depend on the rules.
            return StepOutcome.Answered(DecisionFactory.Create(context, Outcome.Unspecified));
        }

        if (context.Mode == DecisionMode.Send)
        {
            context.Phase = ReservationPhase.Reserved;
            context.ReservedCaps = context.Caps;
            context.ReservedAt = wall.Time.GetTimestamp();
        }

        return StepOutcome.Continue;
    }

    /// <summary>The verdicts of a reserve step that got as far as the caps: consent, the debtor's stated preferences when recorded, each cap.</summary>
    private static void AddStoreVerdicts(DecisionContext context, Reservation reservation)
    {
        context.Add(GuardVerdict.Pass("consent"));
        if (reservation.StatedPreferencesMet)
        {
            context.Add(StatedPreferencesRule.Met());
        }

        foreach (var count in reservation.Caps)
        {
            context.Add(CapVerdict.Of(count, context.Request.DeferUntil));
        }
    }

    private static Decision Replay(Decision stored)
    {
        var replay = stored.Clone();
        replay.Replayed = true;
        return replay;
    }

    /// <summary>A request with the same key is being decided elsewhere: wait for its decision rather than decide twice.</summary>
    private async Task<StepOutcome> AwaitInFlightAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var waitUntil = wall.GetUtcNow() + InFlightWaitLimit;
        while (wall.GetUtcNow() < waitUntil && wall.GetUtcNow() < context.Deadline)
        {
            await Task.Delay(InFlightPoll, wall.Time, cancellationToken).ConfigureAwait(false);
            var (decision, inFlight) = await store.GetDecisionByIdempotencyKeyAsync(request.TenantId, request.DebtorId, request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (decision is not null)
            {
                return StepOutcome.Answered(Replay(decision));
            }

            if (!inFlight)
            {
                // The first request ended without a final decision (deferred or unavailable): decide afresh.
                return StepOutcome.DecideAgain;
            }
        }

        throw new GatewayUnavailableException(ReasonCode.DuplicateInFlight, "A request with the same idempotency key is still being decided; retry to get its decision.", TimeSpan.FromSeconds(1));
    }
}
