using Gateway.Decisions;
using Gateway.Guards.Review;

namespace Gateway.Guards;

/// <summary>
/// Step 2: every local rule (pure functions of the rule set and the clock), so that a refusal lists
/// every local reason at once, then the review gate.
/// </summary>
internal sealed class LocalRulesStep(LocalGuards guards) : IDecisionStep
{
    public string Name => "local_rules";

    public ValueTask<StepOutcome> RunAsync(DecisionContext context, CancellationToken cancellationToken) => ValueTask.FromResult(Evaluate(context));

    /// <summary>The step, synchronously: a replay of recent decisions runs it at past instants.</summary>
    public StepOutcome Evaluate(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var guard in guards.InOrder)
        {
            context.Add(guard.Evaluate(context));
        }

        if (DecisionFactory.OutcomeOf(context.Verdicts) is { } refused)
        {
            return StepOutcome.Decide(refused);
        }

        if (ReviewGate.Evaluate(context) is { } review)
        {
            context.Add(review);
            if (!review.Passed)
            {
                return StepOutcome.Decide(V1.Outcome.Deferred);
            }
        }

        return StepOutcome.Continue;
    }
}
