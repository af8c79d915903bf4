using Gateway.Decisions;
using Gateway.V1;

namespace Gateway.Guards.Review;

/// <summary>
/// A template the rule set marks for review waits for a person's approval; on approval the whole
/// pipeline runs again, this gate then letting it through in the reviewer's name, so the answer
/// and the record say who approved it.
/// </summary>
internal static class ReviewGate
{
    public const string Rule = "review";

    /// <summary>The gate's verdict, or null when the template needs no review.</summary>
    public static GuardVerdict? Evaluate(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Template.RequiresReview)
        {
            return null;
        }

        return context.ApprovedBy is { } reviewer
            ? GuardVerdict.Pass(Rule, $"approved by {reviewer}")
            : GuardVerdict.Defer(Rule, ReasonCode.PendingReview, DateTimeOffset.MaxValue, $"template {context.Request.Template.Id} needs a person's review before it goes");
    }
}
