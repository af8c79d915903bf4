using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Recheck;

/// <summary>
/// When the lender cannot say whom a contact point belongs to, a rule set may allow a
/// limited-content message (Regulation F's "limited-content message", CONC 7's "nothing before the
/// customer is confirmed"): the template's variant, which the compiler guarantees mentions no
/// amount, due date or debt reference. Only for an unknown owner, never for a known third party,
/// and only when that was the one thing that stopped the reminder.
/// </summary>
internal static class LimitedContent
{
    public static MessageTemplate? Variant(RecheckResult rechecked, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(rechecked);
        ArgumentNullException.ThrowIfNull(context);
        var refusals = rechecked.Verdicts.Where(verdict => !verdict.Passed).ToList();
        return refusals is [{ Rule: RecheckPolicy.ContactRule, Reason: ReasonCode.ContactUnverified }]
            && context.Request.Template.LimitedContentVariant is { } id
            && context.Rules.Templates.TryGet(id, out var variant)
                ? variant
                : null;
    }

    public static RecheckResult Allow(RecheckResult rechecked, MessageTemplate variant)
    {
        ArgumentNullException.ThrowIfNull(rechecked);
        ArgumentNullException.ThrowIfNull(variant);
        var verdicts = rechecked.Verdicts
            .Select(verdict => verdict.Rule == RecheckPolicy.ContactRule
                ? GuardVerdict.Pass(RecheckPolicy.ContactRule, $"owner unknown: sent as limited-content template {variant.Id}, which says nothing about the debt")
                : verdict)
            .ToList();
        return rechecked with { Verdicts = verdicts };
    }
}
