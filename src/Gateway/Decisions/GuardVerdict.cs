using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>What one rule said about one reminder. Guards return verdicts; they never throw for a business refusal.</summary>
internal sealed record GuardVerdict(string Rule, Verdict Verdict, ReasonCode Reason, string Detail, DateTimeOffset? NotBefore = null)
{
    public static GuardVerdict Pass(string rule, string detail = "") => new(rule, Verdict.Pass, ReasonCode.Unspecified, detail);

    public static GuardVerdict Suppress(string rule, ReasonCode reason, string detail, DateTimeOffset? notBefore = null) =>
        new(rule, Verdict.Suppress, reason, detail, notBefore);

    public static GuardVerdict Defer(string rule, ReasonCode reason, DateTimeOffset notBefore, string detail) =>
        new(rule, Verdict.Defer, reason, detail, notBefore);

    public static GuardVerdict Unavailable(string rule, ReasonCode reason, string detail) =>
        new(rule, Verdict.Unavailable, reason, detail);

    public bool Passed => Verdict == Verdict.Pass;

    public RuleVerdict ToProto() => new() { Rule = Rule, Verdict = Verdict, Reason = Reason, Detail = Detail };
}
