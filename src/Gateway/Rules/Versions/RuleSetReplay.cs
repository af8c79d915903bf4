using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Tenancy;
using Gateway.V1;

namespace Gateway.Rules.Versions;

/// <summary>
/// Decides reminders under the version in force and under a candidate, with the local rules only
/// (channel permission, quiet hours, content): the part of a decision that is a pure function of
/// the rule set and the clock. Consent, caps and the recheck depend on state the candidate does
/// not change the same way, and are not replayed. Nothing is reserved, sent or recorded.
/// </summary>
internal sealed class RuleSetReplay(ReminderValidator validator, LocalGuards guards, TimeProvider time)
{
    public IEnumerable<ReplayedReminder> Replay(Tenant tenant, IReadOnlyList<Reminder> reminders, RuleSet inForce, RuleSet candidate)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var now = time.GetUtcNow();
        for (var i = 0; i < reminders.Count; i++)
        {
            var before = Decide(tenant, reminders[i], inForce, now);
            var after = Decide(tenant, reminders[i], candidate, now);
            var replayed = new ReplayedReminder
            {
                Index = i,
                IdempotencyKey = reminders[i].IdempotencyKey,
                InForce = before.Outcome,
                Candidate = after.Outcome,
                InForceReasons = { before.Reasons },
                CandidateReasons = { after.Reasons },
            };
            replayed.Changed = before.Outcome != after.Outcome || !before.Reasons.SequenceEqual(after.Reasons);
            if (replayed.Changed)
            {
                replayed.Why.AddRange(Differences(before, after));
            }

            yield return replayed;
        }
    }

    private static IEnumerable<string> Differences(Side before, Side after)
    {
        if (after.Problems.Count > 0)
        {
            return after.Problems.Select(problem => "invalid under the candidate: " + problem);
        }

        if (before.Problems.Count > 0)
        {
            return before.Problems.Select(problem => "invalid under the version in force: " + problem);
        }

        return after.Verdicts
            .Select(verdict => (Before: before.Verdicts.FirstOrDefault(v => v.Rule == verdict.Rule), After: verdict))
            .Where(pair => pair.Before is null || pair.Before.Verdict != pair.After.Verdict || pair.Before.Reason != pair.After.Reason)
            .Select(pair => $"{pair.After.Rule}: {pair.Before?.Verdict.ToString().ToUpperInvariant() ?? "NONE"} -> {pair.After.Verdict.ToString().ToUpperInvariant()} ({pair.After.Detail})");
    }

    private Side Decide(Tenant tenant, Reminder reminder, RuleSet rules, DateTimeOffset now)
    {
        var validation = validator.Validate(reminder, rules, tenant.Id);
        if (!validation.IsValid)
        {
            return new Side(LocalOutcome.Invalid, [], [], [.. validation.Violations.Select(v => $"{v.Field}: {v.Description}")]);
        }

        var context = new DecisionContext(tenant, validation.Request!, rules, now, DecisionMode.DryRun, string.Empty);
        foreach (var guard in guards.InOrder)
        {
            context.Add(guard.Evaluate(context));
        }

        var outcome = DecisionFactory.OutcomeOf(context.Verdicts) switch
        {
            Outcome.Suppressed => LocalOutcome.Suppressed,
            Outcome.Deferred => LocalOutcome.Deferred,
            _ => LocalOutcome.Passes,
        };
        var reasons = context.Verdicts.Where(v => !v.Passed && v.Reason != ReasonCode.Unspecified).Select(v => v.Reason).Distinct().ToList();
        return new Side(outcome, reasons, context.Verdicts, []);
    }

    private sealed record Side(LocalOutcome Outcome, IReadOnlyList<ReasonCode> Reasons, IReadOnlyList<GuardVerdict> Verdicts, IReadOnlyList<string> Problems);
}
