using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Pipeline;

/// <summary>
/// The spans of one decision: what each carries is chosen here, once, so that no call site can
/// tag a contact point or message text by accident. Every method accepts a null activity (nobody
/// listens) and does nothing then.
/// </summary>
internal static class DecisionSpans
{
    public static Activity? StartDecision(DecisionRequest request, RuleSet snapshot)
    {
        var activity = GatewayActivities.Source.StartActivity(GatewayActivities.Decision);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TraceTags.Tenant, request.Tenant.Id);
            activity.SetTag(TraceTags.Mode, ModeName(request.Mode));
            activity.SetTag(TraceTags.RuleSetVersion, snapshot.Version);
        }

        return activity;
    }

    public static Activity? StartValidation() => GatewayActivities.Source.StartActivity(GatewayActivities.Validation);

    public static void Validated(Activity? activity, bool valid, int violations)
    {
        activity?.SetTag(TraceTags.Valid, valid);
        activity?.SetTag(TraceTags.Violations, violations);
    }

    public static void Invalid(Activity? decision)
    {
        decision?.SetTag(TraceTags.Outcome, "invalid");
    }

    public static Activity? StartStep(IDecisionStep step, DecisionContext context)
    {
        var activity = GatewayActivities.Source.StartActivity(GatewayActivities.StepPrefix + step.Name);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TraceTags.Step, step.Name);
            activity.SetTag(TraceTags.Channel, RuleNames.Of(context.Request.Channel));
        }

        return activity;
    }

    public static void StepEnded(Activity? activity, StepOutcome outcome)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TraceTags.StepOutcome, KindName(outcome.Kind));
        if (outcome.Kind == StepOutcomeKind.FailClosed)
        {
            activity.SetTag(TraceTags.Reason, RuleNames.Of(outcome.Reason));
        }
    }

    public static void Decided(Activity? activity, Channel channel, Decision decision)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TraceTags.Channel, RuleNames.Of(channel));
        activity.SetTag(TraceTags.Outcome, RuleNames.Of(decision.Outcome));
        activity.SetTag(TraceTags.Reason, decision.Reasons.Count > 0 ? RuleNames.Of(decision.Reasons[0]) : "none");
        activity.SetTag(TraceTags.Replayed, decision.Replayed);
    }

    /// <summary>
    /// Marks the span failed. The status names the reason or the exception's type, never its
    /// message, which may quote a caller's idempotency key.
    /// </summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        var reason = exception is GatewayUnavailableException unavailable ? RuleNames.Of(unavailable.Reason) : exception.GetType().Name;
        activity.SetTag(TraceTags.Reason, reason);
        activity.SetStatus(ActivityStatusCode.Error, reason);
    }

    private static string ModeName(DecisionMode mode) => mode switch
    {
        DecisionMode.Send => "send",
        DecisionMode.DryRun => "dry_run",
        DecisionMode.Preview => "preview",
        _ => "unknown",
    };

    private static string KindName(StepOutcomeKind kind) => kind switch
    {
        StepOutcomeKind.Continue => "continue",
        StepOutcomeKind.Answer => "answer",
        StepOutcomeKind.Decide => "decide",
        StepOutcomeKind.FailClosed => "fail_closed",
        StepOutcomeKind.DecideAgain => "decide_again",
        StepOutcomeKind.FallBack => "fall_back",
        _ => "unknown",
    };
}
