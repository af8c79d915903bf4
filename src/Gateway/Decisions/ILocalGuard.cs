namespace Gateway.Decisions;

/// <summary>
/// A step-2 rule: a pure function of the request, the rule set and the clock. Cheap, so every
/// local guard runs and the decision can list every reason at once.
/// </summary>
internal interface ILocalGuard
{
    GuardVerdict Evaluate(DecisionContext context);
}
