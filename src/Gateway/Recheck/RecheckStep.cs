using Gateway.Decisions;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Recheck;

/// <summary>
/// Step 4: the lender's recheck, at the last moment before relay, never cached. A contact point
/// whose owner is unknown gets the template's limited-content variant when the rule set names one
/// (it says nothing about the debt), instead of nothing. A dry run ends here: it would be sent.
/// </summary>
internal sealed class RecheckStep(ILenderRecheck recheck, IOptions<RecheckOptions> options) : IDecisionStep
{
    public string Name => "recheck";

    public async ValueTask<StepOutcome> RunAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rechecked = await recheck.RecheckAsync(context, WallClock.ToGrpc(context.Deadline), cancellationToken).ConfigureAwait(false);
        if (LimitedContent.Variant(rechecked, context) is { } variant)
        {
            rechecked = LimitedContent.Allow(rechecked, variant);
            context.Template = variant;
        }

        foreach (var verdict in rechecked.Verdicts)
        {
            context.Add(verdict);
        }

        context.Facts = rechecked.Facts;
        if (rechecked.Unavailable)
        {
            return StepOutcome.FailClosed(ReasonCode.RecheckUnavailable, options.Value.RetryAfter, "The lender could not confirm the debt and the contact point in time; nothing was sent.");
        }

        if (!rechecked.Passed)
        {
            return StepOutcome.Decide(Outcome.Suppressed);
        }

        return context.Mode == DecisionMode.DryRun ? StepOutcome.Decide(Outcome.Sent) : StepOutcome.Continue;
    }
}
