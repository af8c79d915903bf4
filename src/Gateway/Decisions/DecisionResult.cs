using Gateway.Rules;
using Gateway.V1;
using Google.Rpc;

namespace Gateway.Decisions;

/// <summary>
/// The pipeline's answer: a decision, or the field violations of a request that failed validation
/// against <see cref="Rules"/>, the rule set it was decided with. Each caller turns the violations
/// into what it owes its own caller (INVALID_ARGUMENT, or the expiry of a held reminder).
/// </summary>
internal sealed record DecisionResult(RuleSet Rules, Decision? Decision, IReadOnlyList<BadRequest.Types.FieldViolation> Violations)
{
    public bool IsValid => Decision is not null;

    public static DecisionResult Decided(RuleSet rules, Decision decision) => new(rules, decision, []);

    public static DecisionResult Invalid(RuleSet rules, IReadOnlyList<BadRequest.Types.FieldViolation> violations) => new(rules, null, violations);
}
