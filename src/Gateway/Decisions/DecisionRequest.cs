using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>
/// What every caller of the pipeline asks for (the API, the stream, the release of a held
/// reminder, a review approval, a rule replay): one shape, so that each gets the same prologue.
/// </summary>
/// <param name="Tenant">The authenticated lender.</param>
/// <param name="Reminder">The reminder as received or as held, not yet validated: the pipeline validates it against the rules it decides with.</param>
/// <param name="Mode">Send, dry run or preview.</param>
/// <param name="Deadline">The caller's deadline on the wall clock (<see cref="DateTimeOffset.MaxValue"/> for none).</param>
internal sealed record DecisionRequest(Tenant Tenant, Reminder? Reminder, DecisionMode Mode, DateTimeOffset Deadline)
{
    /// <summary>The id of a held reminder this decides again at its release; null for a new request.</summary>
    public string? ReleasingReminderId { get; init; }

    /// <summary>The reviewer who approved the held reminder being released, whose approval lets it past the review gate.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>
    /// A rule replay's candidate (<see cref="DecisionMode.Preview"/> only). Every other decision is
    /// made by the rule set in force at its instant, which the pipeline takes itself.
    /// </summary>
    public RuleSet? RulesUnderTest { get; init; }
}
