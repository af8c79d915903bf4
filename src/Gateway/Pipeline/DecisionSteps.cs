using Gateway.Decisions;
using Gateway.Guards;
using Gateway.Recheck;
using Gateway.Relay;
using Gateway.Reserve;

namespace Gateway.Pipeline;

/// <summary>
/// The one place the order of the decision's middle steps is declared. Validation is the fixed
/// first step and the record the fixed last (<see cref="DecisionPipeline"/>); cheap, local refusals
/// come first and the remote rechecks at the last moment before relay (design.md, "The decision pipeline").
/// </summary>
internal sealed class DecisionSteps(LocalRulesStep localRules, ReserveStep reserve, RecheckStep recheck, RelayStep relay)
{
    public IReadOnlyList<IDecisionStep> InOrder { get; } = [localRules, reserve, recheck, relay];
}
