using Gateway.Decisions;
using Gateway.Recent;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Replay;

/// <summary>
/// Recorded requests are replayed at the instant they were decided, with the rules that are a
/// function of rule set, request and instant only: validation, the local rules and the review
/// gate. Consent and caps are not: the store's state at a past instant cannot be reconstructed
/// honestly. Nothing touches the store.
/// </summary>
internal sealed partial class RuleSetReplay
{
    public IReadOnlyList<ReplayedReminder> ReplayRecorded(Tenant tenant, IReadOnlyList<RecentRequest> recorded, RuleSet inForce, RuleSet candidate)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var replayed = new List<ReplayedReminder>(recorded.Count);
        for (var i = 0; i < recorded.Count; i++)
        {
            var entry = recorded[i];
            var at = entry.Recorded.DecidedAt?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
            if (entry.Request is null)
            {
                var unreadable = ReplaySide.Unreadable(entry.Problem ?? "the recorded request cannot be read");
                replayed.Add(ReplayComparison.Compare(i, string.Empty, unreadable, unreadable, inForce.Version, at, entry.Recorded));
                continue;
            }

            var before = DecideAt(tenant, entry.Request, inForce, at);
            var after = DecideAt(tenant, entry.Request, candidate, at);
            replayed.Add(ReplayComparison.Compare(i, entry.Request.IdempotencyKey, before, after, inForce.Version, at, entry.Recorded));
        }

        return replayed;
    }

    private ReplaySide DecideAt(Tenant tenant, Reminder reminder, RuleSet rules, DateTimeOffset at)
    {
        // As at a release: a defer_until that has passed since is no reason to refuse the replay.
        var validation = validator.Validate(reminder, rules, tenant.Id, releasing: true);
        if (!validation.IsValid)
        {
            return ReplaySide.Invalid(validation.Violations);
        }

        // The pipeline's local rules and review gate, as a request arriving then meets them (a reviewer's later approval is not replayed).
        var context = new DecisionContext(tenant, validation.Request!, rules, at, DecisionMode.DryRun, string.Empty, DateTimeOffset.MaxValue);
        var local = localRules.Evaluate(context);
        var outcome = local.Kind == StepOutcomeKind.Decide ? local.Outcome : (Outcome?)null;
        return ReplaySide.Of(DecisionFactory.Create(context, outcome ?? Outcome.Unspecified));
    }
}
