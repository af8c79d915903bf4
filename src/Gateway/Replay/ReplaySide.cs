using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Replay;

/// <summary>How one rule set decided one replayed reminder: its outcome, reasons and each rule's verdict.</summary>
internal sealed record ReplaySide(ReplayOutcome Outcome, IReadOnlyList<ReasonCode> Reasons, IReadOnlyList<RuleVerdict> Verdicts, IReadOnlyList<string> Problems)
{
    /// <summary>The reminder is not valid under the rule set: its problems, each as "field: description".</summary>
    public static ReplaySide Invalid(IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return new(ReplayOutcome.Invalid, [], [], [.. violations.Select(v => $"{v.Field}: {v.Description}")]);
    }

    /// <summary>A recorded request that cannot be read any more.</summary>
    public static ReplaySide Unreadable(string why) => new(ReplayOutcome.Unreadable, [], [], [why]);

    /// <summary>
    /// The side a replayed decision stands for. A replay stops before the recheck, so a decision
    /// that no rule refused carries no outcome yet: it passes.
    /// </summary>
    public static ReplaySide Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = decision.Outcome switch
        {
            V1.Outcome.Suppressed => ReplayOutcome.Suppressed,
            V1.Outcome.Deferred => ReplayOutcome.Deferred,
            _ => ReplayOutcome.Passes,
        };
        return new(outcome, [.. decision.Reasons], [.. decision.Verdicts], []);
    }

    /// <summary>For people: "PASSES", "SUPPRESSED by consent", "DEFERRED by quiet_hours, cap:debtor-all-24h".</summary>
    public string Describe()
    {
        var name = RuleNames.Of(Outcome).ToUpperInvariant();
        var refusing = Verdicts.Where(v => v.Verdict is not (Verdict.Pass or Verdict.Unspecified)).Select(v => v.Rule).Distinct().ToList();
        return refusing.Count == 0 ? name : $"{name} by {string.Join(", ", refusing)}";
    }
}
