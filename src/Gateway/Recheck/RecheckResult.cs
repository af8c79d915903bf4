using Gateway.Decisions;
using Gateway.V1;

namespace Gateway.Recheck;

/// <summary>
/// The verdicts of the last-second recheck, and the lender's figures when both calls answered.
/// <see cref="LenderFailed"/> says the lender itself misbehaved (no answer in time, an error, a
/// malformed answer), which is what its circuit breaker counts; a caller's cancellation is not.
/// </summary>
internal sealed record RecheckResult(IReadOnlyList<GuardVerdict> Verdicts, RepaymentFacts? Facts, bool LenderFailed = false)
{
    public bool Unavailable => Verdicts.Any(verdict => verdict.Verdict == Verdict.Unavailable);

    public bool Passed => Verdicts.All(verdict => verdict.Passed);

    /// <summary>A recheck that got no answers at all: both rules are unavailable for the same reason.</summary>
    public static RecheckResult Unanswered(string detail, bool lenderFailed) => new(
        [
            GuardVerdict.Unavailable(RecheckPolicy.RepaymentRule, ReasonCode.RecheckUnavailable, detail),
            GuardVerdict.Unavailable(RecheckPolicy.ContactRule, ReasonCode.RecheckUnavailable, detail),
        ],
        null,
        lenderFailed);
}
