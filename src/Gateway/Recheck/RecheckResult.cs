using Gateway.Pipeline;

namespace Gateway.Recheck;

/// <summary>The verdicts of the last-second recheck, and the lender's figures when both calls answered.</summary>
internal sealed record RecheckResult(IReadOnlyList<GuardVerdict> Verdicts, RepaymentFacts? Facts)
{
    public bool Unavailable => Verdicts.Any(verdict => verdict.Verdict == V1.Verdict.Unavailable);

    public bool Passed => Verdicts.All(verdict => verdict.Passed);
}
