using System.Diagnostics;
using System.Globalization;
using Gateway.Channels;
using Gateway.Channels.Resilience;
using Gateway.Deferral;
using Gateway.Guards.Content;
using Gateway.Guards.StatedPreferences;
using Gateway.Hosting;
using Gateway.Observability;
using Gateway.Recent;
using Gateway.Recheck;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Pipeline;

/// <summary>
/// One request, one decision, in the design's fixed order: cheap local refusals first, then one
/// store round trip, then the lender's recheck at the last moment, then relay, then record. Each
/// step appends its verdicts; the first step that refuses ends the run. When a guardrail cannot
/// be evaluated nothing is sent (fail closed). A reservation is released whenever the reminder
/// ends up not sent, so that a message never sent never counts against the debtor's caps.
/// </summary>
internal sealed class DecisionPipeline(
    LocalGuards localGuards,
    GuardrailStore store,
    HeldReminders held,
    RecentDecisions recent,
    LenderRecheck recheck,
    CarrierRelay carriers,
    UnwrittenRecords unwritten,
    IOptions<StoreOptions> storeOptions,
    IOptions<RecheckOptions> recheckOptions,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<DecisionPipeline> logger)
{
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan InFlightWaitLimit = TimeSpan.FromSeconds(10);

    /// <param name="releasingReminderId">The id of a held reminder this decides again at its release; null for a new request.</param>
    /// <param name="approved">True when a reviewer approved the held reminder being released: the review gate lets it through.</param>
    public async Task<Decision> DecideAsync(Tenant tenant, ReminderRequest request, RuleSet rules, DecisionMode mode, DateTime callerDeadline, CancellationToken cancellationToken, string? releasingReminderId = null, bool approved = false)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        var started = Stopwatch.GetTimestamp();
        var reminderId = releasingReminderId ?? (mode == DecisionMode.Send ? ReminderIds.New(time) : string.Empty);
        var context = new DecisionContext(tenant, request, rules, time.GetUtcNow(), mode, reminderId, releasing: releasingReminderId is not null, approved: approved);

        var decision = await DecideCoreAsync(context, callerDeadline, cancellationToken).ConfigureAwait(false);

        if (!decision.Replayed && mode != DecisionMode.Preview)
        {
            var reason = decision.Reasons.Count > 0 ? RuleNames.Of(decision.Reasons[0]) : "none";
            metrics.Decisions.WithLabels(tenant.Id, RuleNames.Of(request.Channel), RuleNames.Of(decision.Outcome), reason).Inc();
            metrics.DecisionDuration.WithLabels(RuleNames.Of(request.Channel), RuleNames.Of(decision.Outcome)).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (mode == DecisionMode.Send)
            {
                PipelineLog.Decided(logger, reminderId, tenant.Id, decision.Outcome, string.Join(",", decision.Reasons), request.Channel, rules.Version);
                recent.Add(tenant.Id, request.Original, decision);
            }
        }

        return decision;
    }

    private async Task<Decision> DecideCoreAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        // Step 2: local rules, all of them, so a refusal lists every local reason at once.
        foreach (var guard in localGuards.InOrder)
        {
            context.Add(guard.Evaluate(context));
        }

        if (DecisionFactory.OutcomeOf(context.Verdicts) is { } localOutcome)
        {
            return await RecordAsync(context, DecisionFactory.Create(context, localOutcome), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
        }

        // The review gate: a template the rule set marks for review waits for a person's approval;
        // on approval the whole pipeline runs again, this gate then letting it through.
        if (context.Request.Template.RequiresReview)
        {
            if (!context.Approved)
            {
                context.Add(GuardVerdict.Defer("review", ReasonCode.PendingReview, DateTimeOffset.MaxValue, $"template {context.Request.Template.Id} needs a person's review before it goes"));
                return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Deferred), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
            }

            context.Add(GuardVerdict.Pass("review", "approved by a reviewer"));
        }

        // Step 3: one round trip checks idempotency, consent and every cap, and reserves the send.
        var caps = context.Jurisdiction.CapsFor(context.Request.Channel).ToList();
        Reservation reservation;
        try
        {
            reservation = await store.CheckAndReserveAsync(context, caps, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (context.Mode != DecisionMode.Preview)
        {
            PipelineLog.StoreUnavailable(logger, "reserve", ex);
            context.Add(GuardVerdict.Unavailable("store", ReasonCode.StoreUnavailable, "the guardrail store did not answer in time"));

            // Nothing can be recorded or held while the store is down: the caller must resend.
            return FailClosed(context, ReasonCode.StoreUnavailable, storeOptions.Value.RetryAfter, "The guardrail store cannot be reached; nothing was sent.");
        }

        switch (reservation.Status)
        {
            case ReservationStatus.Duplicate:
                return Replay(reservation.ExistingDecision!);
            case ReservationStatus.InFlight:
                return await AwaitInFlightAsync(context, callerDeadline, cancellationToken).ConfigureAwait(false);
            case ReservationStatus.Conflict:
                throw new IdempotencyConflictException(context.Request.IdempotencyKey, reservation.ExistingReminderId);
            case ReservationStatus.Cancelled:
                // The held reminder was cancelled or expired before this release began; that was recorded then.
                context.Add(GuardVerdict.Suppress("hold", ReasonCode.Cancelled, "cancelled before its release"));
                return DecisionFactory.Create(context, Outcome.Suppressed);
            case ReservationStatus.OptedOut:
                context.Add(GuardVerdict.Suppress("consent", ReasonCode.OptedOut, $"opted out of {RuleNames.Of(context.Request.Channel)} at this contact point"));
                return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Suppressed), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
            case ReservationStatus.ConsentMissing:
                context.Add(GuardVerdict.Suppress("consent", ReasonCode.ConsentMissing, $"{RuleNames.Of(context.Request.Channel)} needs recorded consent in {context.Jurisdiction.Code}"));
                return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Suppressed), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
            case ReservationStatus.ChannelNotPreferred:
            case ReservationStatus.OutsideStatedHours:
                // Nothing was reserved: the debtor's stated wish refused it before the caps.
                context.Add(GuardVerdict.Pass("consent"));
                context.Add(reservation.Status == ReservationStatus.ChannelNotPreferred
                    ? StatedPreferencesRule.ChannelNotPreferred(context)
                    : StatedPreferencesRule.OutsideStatedHours(context, reservation.StatedWindows));
                return await RecordAsync(context, DecisionFactory.Create(context, DecisionFactory.OutcomeOf(context.Verdicts)!.Value), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
            case ReservationStatus.CapExceeded:
                AddStoreVerdicts(context, reservation);
                return await RecordAsync(context, DecisionFactory.Create(context, DecisionFactory.OutcomeOf(context.Verdicts)!.Value), [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
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
            return DecisionFactory.Create(context, Outcome.Unspecified);
        }

        var reserved = context.Mode == DecisionMode.Send ? caps : [];
        var reservedAt = Stopwatch.GetTimestamp();

        // Step 4: the lender's recheck, at the last moment before relay, never cached.
        var rechecked = await recheck.RecheckAsync(context, callerDeadline, cancellationToken).ConfigureAwait(false);

        // A contact point whose owner is unknown gets the template's limited-content variant when
        // the rule set names one (it says nothing about the debt), instead of nothing.
        var template = context.Request.Template;
        if (LimitedContent.Variant(rechecked, context) is { } variant)
        {
            rechecked = LimitedContent.Allow(rechecked, variant);
            template = variant;
        }

        foreach (var verdict in rechecked.Verdicts)
        {
            context.Add(verdict);
        }

        if (rechecked.Unavailable)
        {
            await ReleaseAsync(context, reserved).ConfigureAwait(false);
            var deferred = FailClosed(context, ReasonCode.RecheckUnavailable, recheckOptions.Value.RetryAfter, "The lender could not confirm the debt and the contact point in time; nothing was sent.");
            return await RecordAsync(context, deferred, [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
        }

        if (!rechecked.Passed)
        {
            return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Suppressed), reserved, IdempotencyMode.Bind, cancellationToken).ConfigureAwait(false);
        }

        if (context.Mode == DecisionMode.DryRun)
        {
            return DecisionFactory.Create(context, Outcome.Sent);
        }

        // A reservation holds its place only for its lease; past half of it, another instance may
        // soon treat it as abandoned, so this one must not relay on it.
        if (Stopwatch.GetElapsedTime(reservedAt) > storeOptions.Value.ReservationLease / 2)
        {
            context.Add(GuardVerdict.Unavailable("reservation", ReasonCode.ReservationExpired, "the recheck outlasted half the reservation lease"));
            await ReleaseAsync(context, reserved).ConfigureAwait(false);
            var deferred = FailClosed(context, ReasonCode.ReservationExpired, storeOptions.Value.RetryAfter, "The decision took too long to trust its reservation; nothing was sent.");
            return await RecordAsync(context, deferred, [], IdempotencyMode.None, cancellationToken).ConfigureAwait(false);
        }

        // Step 5: relay.
        return await RelayAsync(context, template, rechecked.Facts!, reserved, callerDeadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Decision> RelayAsync(DecisionContext context, MessageTemplate template, RepaymentFacts facts, IReadOnlyList<CapRule> reserved, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var content = TemplateRenderer.Render(template, request.Parameters, SystemValues(context, facts));
        var message = new OutboundMessage(context.ReminderId, request.TenantId, request.Channel, request.Contact, template.Id, request.Locale, content, request.DebtorId, request.DebtId) { ExpiresAt = request.DeferUntil };

        // The relay is not cancelled with the caller: once a carrier may have the message, the
        // gateway must learn the outcome and record it. The caller's deadline still bounds it.
        var result = await carriers.RelayAsync(message, callerDeadline).ConfigureAwait(false);
        switch (result)
        {
            case null:
                context.Add(GuardVerdict.Suppress("relay", ReasonCode.CarrierUnavailable, $"no carrier is configured for {RuleNames.Of(request.Channel)}"));
                return request.Fallbacks.Count > 0
                    ? await FallBackAsync(context, reserved, callerDeadline, cancellationToken).ConfigureAwait(false)
                    : await RecordAsync(context, DecisionFactory.Create(context, Outcome.Failed), reserved, IdempotencyMode.Bind, cancellationToken).ConfigureAwait(false);
            case { Outcome: CarrierOutcome.Accepted }:
                context.Add(GuardVerdict.Pass("relay", $"accepted by {result.Carrier}"));
                return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Sent, result), [], IdempotencyMode.Bind, CancellationToken.None).ConfigureAwait(false);
            case { Outcome: CarrierOutcome.Ambiguous }:
                // Whether the carrier got the message is unknown, so the reservation stays counted.
                context.Add(GuardVerdict.Suppress("relay", ReasonCode.CarrierOutcomeUnknown, $"{result.Carrier}: outcome unknown, not resent ({result.Detail})"));
                return await RecordAsync(context, DecisionFactory.Create(context, Outcome.Failed, result), [], IdempotencyMode.Bind, CancellationToken.None).ConfigureAwait(false);
            default:
                // No carrier took it: it never counts against the debtor's caps.
                context.Add(GuardVerdict.Suppress("relay", result.Reason, $"{result.Carrier}: {result.Detail}"));
                return request.Fallbacks.Count > 0
                    ? await FallBackAsync(context, reserved, callerDeadline, cancellationToken).ConfigureAwait(false)
                    : await RecordAsync(context, DecisionFactory.Create(context, Outcome.Failed, result), reserved, IdempotencyMode.Bind, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// No carrier of the channel took the reminder and the caller allowed another channel: release
    /// this channel's reservation, then decide the fallback from step 2 on its own channel (its
    /// rules, consent, caps and recheck), under the same reminder id. The fallback reserves under
    /// a key derived from the caller's (its "#" cannot occur in a caller's key); the caller's key
    /// is bound to the combined decision at the end, or released when the fallback could not be
    /// decided, so a retry starts afresh.
    /// </summary>
    private async Task<Decision> FallBackAsync(DecisionContext context, IReadOnlyList<CapRule> reserved, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        var request = context.Request;
        try
        {
            await store.FinishAsync(context, decision: null, reserved, IdempotencyMode.None, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            PipelineLog.ReleaseFailed(logger, context.ReminderId, ex);
        }

        var next = request.Fallbacks[0];
        var fallback = request with
        {
            Channel = next.Channel,
            Template = next.Template,
            Contact = next.Contact,
            IdempotencyKey = request.IdempotencyKey + "#" + RuleNames.Of(next.Channel),
            Fallbacks = request.Fallbacks.Skip(1).ToArray(),
        };
        var fallbackContext = new DecisionContext(context.Tenant, fallback, context.Rules, time.GetUtcNow(), context.Mode, context.ReminderId);
        Decision decided;
        try
        {
            decided = await DecideCoreAsync(fallbackContext, callerDeadline, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayUnavailableException)
        {
            await ReleaseAsync(context, []).ConfigureAwait(false);
            throw;
        }

        var combined = decided.Clone();
        combined.IdempotencyKey = request.IdempotencyKey;
        combined.Verdicts.Clear();
        combined.Verdicts.AddRange(context.Verdicts.Select(verdict => (verdict with { Rule = RuleNames.Of(request.Channel) + "/" + verdict.Rule }).ToProto()));
        combined.Verdicts.AddRange(decided.Verdicts);
        if (combined.Outcome == Outcome.Deferred)
        {
            // Nothing final: forget the caller's key so that its retry is decided afresh.
            await ReleaseAsync(context, []).ConfigureAwait(false);
            return combined;
        }

        if (combined.Outcome != Outcome.Sent)
        {
            combined.Reasons.Insert(0, context.Verdicts[^1].Reason);
        }

        return await RecordAsync(context, combined, [], IdempotencyMode.Bind, CancellationToken.None).ConfigureAwait(false);
    }

    private static Dictionary<string, string> SystemValues(DecisionContext context, RepaymentFacts facts)
    {
        var culture = CultureInfo.GetCultureInfo(context.Request.Locale);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SystemPlaceholders.LenderName] = context.Tenant.LenderName,
            [SystemPlaceholders.DebtReference] = TemplateRenderer.MaskReference(context.Request.DebtId),
        };
        if (facts.AmountDue is { } amount)
        {
            var value = amount.Units + (amount.Nanos / 1_000_000_000m);
            values[SystemPlaceholders.AmountDue] = string.Create(culture, $"{amount.CurrencyCode} {value:N2}");
        }

        if (facts.DueDate is { Year: > 0 } date)
        {
            values[SystemPlaceholders.DueDate] = new DateOnly(date.Year, date.Month, date.Day).ToString("D", culture);
        }

        return values;
    }

    /// <summary>The verdicts of a reserve step that got as far as the caps: consent, the debtor's stated preferences when recorded, each cap.</summary>
    private static void AddStoreVerdicts(DecisionContext context, Reservation reservation)
    {
        context.Add(GuardVerdict.Pass("consent"));
        if (reservation.StatedPreferencesMet)
        {
            context.Add(StatedPreferencesRule.Met());
        }

        AddCapVerdicts(context, reservation.Caps);
    }

    private static void AddCapVerdicts(DecisionContext context, IReadOnlyList<CapCount> counts)
    {
        foreach (var count in counts)
        {
            var rule = "cap:" + count.Cap.Id;
            var detail = $"{count.Count} of {count.Cap.Limit} in {count.Cap.Describe()} before this one";
            if (!count.IsFull)
            {
                context.Add(GuardVerdict.Pass(rule, detail));
            }
            else if (context.Request.DeferUntil is { } deferUntil && count.FreesAt!.Value <= deferUntil)
            {
                context.Add(GuardVerdict.Defer(rule, ReasonCode.CapExceeded, count.FreesAt.Value, detail + "; a slot frees at " + count.FreesAt.Value.ToString("O", CultureInfo.InvariantCulture)));
            }
            else
            {
                context.Add(GuardVerdict.Suppress(rule, ReasonCode.CapExceeded, detail, count.FreesAt));
            }
        }
    }

    /// <summary>A guardrail could not be evaluated: defer when the request allows it, else refuse with UNAVAILABLE. Never send.</summary>
    private static Decision FailClosed(DecisionContext context, ReasonCode reason, TimeSpan retryAfter, string message)
    {
        var retryAt = context.Now + retryAfter;
        if (context.Request.DeferUntil is { } deferUntil && retryAt <= deferUntil)
        {
            context.Add(GuardVerdict.Defer("fail_closed", reason, retryAt, "retry once the dependency answers"));
            return DecisionFactory.Create(context, Outcome.Deferred);
        }

        throw new GatewayUnavailableException(reason, message, retryAfter);
    }

    private static Decision Replay(Decision stored)
    {
        var replay = stored.Clone();
        replay.Replayed = true;
        return replay;
    }

    /// <summary>A request with the same key is being decided elsewhere: wait for its decision rather than decide twice.</summary>
    private async Task<Decision> AwaitInFlightAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var waitUntil = time.GetUtcNow() + InFlightWaitLimit;
        while (time.GetUtcNow() < waitUntil && TimeProvider.System.GetUtcNow().UtcDateTime < callerDeadline)
        {
            await Task.Delay(InFlightPoll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var (decision, inFlight) = await store.GetDecisionByIdempotencyKeyAsync(request.TenantId, request.DebtorId, request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (decision is not null)
            {
                return Replay(decision);
            }

            if (!inFlight)
            {
                // The first request ended without a final decision (deferred or unavailable): decide afresh.
                return await DecideCoreAsync(new DecisionContext(context.Tenant, request, context.Rules, time.GetUtcNow(), context.Mode, context.ReminderId), callerDeadline, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new GatewayUnavailableException(ReasonCode.DuplicateInFlight, "A request with the same idempotency key is still being decided; retry to get its decision.", TimeSpan.FromSeconds(1));
    }

    private async Task<Decision> RecordAsync(DecisionContext context, Decision decision, IReadOnlyList<CapRule> release, IdempotencyMode mode, CancellationToken cancellationToken)
    {
        if (context.Mode != DecisionMode.Send)
        {
            return decision;
        }

        var forReview = decision.Reasons.Contains(ReasonCode.PendingReview);
        if (decision.Outcome == Outcome.Deferred && (context.Request.DeferUntil is not null || forReview))
        {
            return await HoldAsync(context, decision, forReview, cancellationToken).ConfigureAwait(false);
        }

        // A decision that never reached the reserve step has not checked its key yet: the same
        // round trip that records it does, so a retry still gets the first decision.
        var checkIdempotency = mode == IdempotencyMode.None;
        try
        {
            var result = await store.FinishAsync(context, decision, release, mode, cancellationToken, checkIdempotency).ConfigureAwait(false);
            return Settle(context, decision, result);
        }
        catch (StoreUnavailableException ex)
        {
            PipelineLog.RecordFailed(logger, context.ReminderId, decision.Outcome, ex);
            unwritten.Add(context, decision, release, mode, checkIdempotency);
        }

        return decision;
    }

    /// <summary>The decision to answer with, once the store said whether the key already answers.</summary>
    private static Decision Settle(DecisionContext context, Decision decision, RecordResult result) => result.Status switch
    {
        RecordStatus.Duplicate => Replay(result.Existing!),
        RecordStatus.Conflict => throw new IdempotencyConflictException(context.Request.IdempotencyKey, result.ExistingReminderId),
        _ => decision,
    };

    /// <summary>
    /// A deferred reminder whose request allows deferral is held by the gateway and released by it
    /// at <c>not_before</c>. If the store cannot take it, the caller is told to resend instead.
    /// </summary>
    private async Task<Decision> HoldAsync(DecisionContext context, Decision decision, bool forReview, CancellationToken cancellationToken)
    {
        decision.Held = true;
        try
        {
            return Settle(context, decision, await held.HoldAsync(context, context.Request.Original, decision, cancellationToken, forReview).ConfigureAwait(false));
        }
        catch (StoreUnavailableException ex)
        {
            PipelineLog.StoreUnavailable(logger, "hold", ex);
            decision.Held = false;
            return decision;
        }
    }

    private async Task ReleaseAsync(DecisionContext context, IReadOnlyList<CapRule> reserved)
    {
        if (context.Mode != DecisionMode.Send)
        {
            return;
        }

        try
        {
            await store.FinishAsync(context, decision: null, reserved, IdempotencyMode.Unbind, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            PipelineLog.ReleaseFailed(logger, context.ReminderId, ex);
        }
    }
}
