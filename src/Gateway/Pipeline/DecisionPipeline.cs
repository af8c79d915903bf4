using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Recent;
using Gateway.Record;
using Gateway.Requests;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Pipeline;

/// <summary>
/// One request, one decision, and the one entry point every caller goes through (the API, the
/// stream, the release of a held reminder, a review approval, a replay). It validates the request
/// against the rule set in force at this instant, runs the declared steps (<see cref="DecisionSteps"/>)
/// and records. When a guardrail cannot be evaluated nothing is sent (fail closed).
/// </summary>
internal sealed class DecisionPipeline(
    ReminderValidator validator,
    RuleSetProvider rules,
    DecisionSteps steps,
    RecordStep record,
    RecentDecisions recent,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<DecisionPipeline> logger)
{
    public async Task<DecisionResult> DecideAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();

        // The snapshot is taken here and only here: every caller is decided by the set in force.
        var snapshot = request.Mode == DecisionMode.Preview && request.RulesUnderTest is { } candidate ? candidate : rules.InForceAt(now);
        using var activity = DecisionSpans.StartDecision(request, snapshot);
        try
        {
            return await ValidateAndRunAsync(request, snapshot, started, now, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            DecisionSpans.Failed(activity, ex);
            throw;
        }
    }

    private async Task<DecisionResult> ValidateAndRunAsync(DecisionRequest request, RuleSet snapshot, long started, DateTimeOffset now, Activity? activity, CancellationToken cancellationToken)
    {
        var tenant = request.Tenant;
        ValidationResult validation;
        using (var span = DecisionSpans.StartValidation())
        {
            validation = validator.Validate(request.Reminder, snapshot, tenant.Id, releasing: request.ReleasingReminderId is not null);
            DecisionSpans.Validated(span, validation.IsValid, validation.Violations.Count);
        }

        if (!validation.IsValid)
        {
            DecisionSpans.Invalid(activity);
            return DecisionResult.Invalid(snapshot, validation.Violations);
        }

        var reminder = validation.Request!;
        var reminderId = request.ReleasingReminderId ?? (request.Mode == DecisionMode.Send ? ReminderIds.New(time) : string.Empty);
        var context = new DecisionContext(tenant, reminder, snapshot, now, request.Mode, reminderId, request.Deadline, releasing: request.ReleasingReminderId is not null, approvedBy: request.ApprovedBy);
        var decision = await RunAsync(context, cancellationToken).ConfigureAwait(false);
        DecisionSpans.Decided(activity, reminder.Channel, decision);

        if (!decision.Replayed && request.Mode != DecisionMode.Preview)
        {
            var reason = decision.Reasons.Count > 0 ? RuleNames.Of(decision.Reasons[0]) : "none";
            metrics.Decisions.WithLabels(tenant.Id, RuleNames.Of(reminder.Channel), RuleNames.Of(decision.Outcome), reason).Inc();
            metrics.DecisionDuration.WithLabels(RuleNames.Of(reminder.Channel), RuleNames.Of(decision.Outcome)).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (request.Mode == DecisionMode.Send)
            {
                PipelineLog.Decided(logger, reminderId, tenant.Id, decision.Outcome, string.Join(",", decision.Reasons), reminder.Channel, snapshot.Version);
                recent.Add(tenant.Id, reminder.Original, decision);
            }
        }

        return DecisionResult.Decided(snapshot, decision);
    }

    private async Task<Decision> RunAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        foreach (var step in steps.InOrder)
        {
            StepOutcome outcome;
            using (var span = DecisionSpans.StartStep(step, context))
            {
                try
                {
                    outcome = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    DecisionSpans.Failed(span, ex);
                    throw;
                }

                DecisionSpans.StepEnded(span, outcome);
            }

            switch (outcome.Kind)
            {
                case StepOutcomeKind.Continue:
                    continue;
                case StepOutcomeKind.Answer:
                    return outcome.Answer!;
                case StepOutcomeKind.Decide:
                    return await record.RecordAsync(context, DecisionFactory.Create(context, outcome.Outcome), cancellationToken).ConfigureAwait(false);
                case StepOutcomeKind.FailClosed:
                    return await FailClosedAsync(context, outcome, cancellationToken).ConfigureAwait(false);
                case StepOutcomeKind.DecideAgain:
                    return await RunAsync(context.Restart(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                case StepOutcomeKind.FallBack:
                    return await FallBackAsync(context, cancellationToken).ConfigureAwait(false);
                default:
                    throw new UnreachableException($"Unknown step outcome {outcome.Kind}");
            }
        }

        throw new UnreachableException("The relay step always ends the decision.");
    }

    /// <summary>A guardrail could not be evaluated: let go of what is held, then defer when the request allows it, else UNAVAILABLE. Never send.</summary>
    private async Task<Decision> FailClosedAsync(DecisionContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        await record.ReleaseAsync(context).ConfigureAwait(false);
        var retryAt = context.Now + outcome.RetryAfter;
        if (context.Request.DeferUntil is not { } deferUntil || retryAt > deferUntil)
        {
            throw new GatewayUnavailableException(outcome.Reason, outcome.Message, outcome.RetryAfter);
        }

        context.Add(GuardVerdict.Defer("fail_closed", outcome.Reason, retryAt, "retry once the dependency answers"));
        var deferred = DecisionFactory.Create(context, Outcome.Deferred);
        return outcome.Recordable ? await record.RecordAsync(context, deferred, cancellationToken).ConfigureAwait(false) : deferred;
    }

    /// <summary>
    /// No carrier of the channel took the reminder and the caller allowed another channel: release
    /// this channel's cap slots, then decide the fallback from step 2 on its own channel (its rules,
    /// consent, caps and recheck), under the same reminder id. The fallback reserves under a key
    /// derived from the caller's (its "#" cannot occur in a caller's key); the caller's key is bound
    /// to the combined decision at the end, or released when the fallback could not be decided, so
    /// a retry starts afresh.
    /// </summary>
    private async Task<Decision> FallBackAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        await record.ReleaseCapsAsync(context).ConfigureAwait(false);
        var request = context.Request;
        var next = request.Fallbacks[0];
        var fallback = request with
        {
            Channel = next.Channel,
            Template = next.Template,
            Contact = next.Contact,
            IdempotencyKey = request.IdempotencyKey + "#" + RuleNames.Of(next.Channel),
            Fallbacks = request.Fallbacks.Skip(1).ToArray(),
        };
        Decision decided;
        try
        {
            decided = await RunAsync(context.ForFallback(fallback, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayUnavailableException)
        {
            await record.ReleaseAsync(context).ConfigureAwait(false);
            throw;
        }

        var combined = decided.Clone();
        combined.IdempotencyKey = request.IdempotencyKey;
        combined.Verdicts.Clear();
        foreach (var verdict in context.Verdicts)
        {
            combined.Verdicts.Add((verdict with { Rule = RuleNames.Of(request.Channel) + "/" + verdict.Rule }).ToProto());
        }

        combined.Verdicts.AddRange(decided.Verdicts);
        if (combined.Outcome == Outcome.Deferred)
        {
            // Nothing final: forget the caller's key so that its retry is decided afresh.
            await record.ReleaseAsync(context).ConfigureAwait(false);
            return combined;
        }

        if (combined.Outcome != Outcome.Sent)
        {
            combined.Reasons.Insert(0, context.Verdicts[^1].Reason);
        }

        return await record.RecordAsync(context, combined, CancellationToken.None).ConfigureAwait(false);
    }
}
