using Gateway.Rules;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Replay;

/// <summary>Puts the two sides of a replayed reminder side by side: whether it changed, and why.</summary>
internal static class ReplayComparison
{
    public static ReplayedReminder Compare(int index, string idempotencyKey, ReplaySide before, ReplaySide after, long inForceVersion, DateTimeOffset at, RecordedDecision? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var replayed = new ReplayedReminder
        {
            Index = index,
            IdempotencyKey = idempotencyKey,
            InForce = before.Outcome,
            Candidate = after.Outcome,
            InForceReasons = { before.Reasons },
            CandidateReasons = { after.Reasons },
            DecidedAt = Timestamp.FromDateTimeOffset(at),
            Recorded = recorded,
        };
        replayed.Changed = before.Outcome != after.Outcome || !before.Reasons.SequenceEqual(after.Reasons);
        if (before.Outcome == ReplayOutcome.Unreadable)
        {
            replayed.Why.AddRange(before.Problems);
        }
        else if (replayed.Changed)
        {
            replayed.Why.AddRange(Differences(before, after));
        }

        var sides = $"in force v{inForceVersion}: {before.Describe()}; candidate: {after.Describe()}";
        replayed.Summary = recorded is null
            ? sides
            : $"recorded {RuleNames.Of(recorded.Outcome).ToUpperInvariant()} under v{recorded.RuleSetVersion}; {sides}";
        return replayed;
    }

    private static IEnumerable<string> Differences(ReplaySide before, ReplaySide after)
    {
        if (after.Problems.Count > 0)
        {
            return after.Problems.Select(problem => "invalid under the candidate: " + problem);
        }

        if (before.Problems.Count > 0)
        {
            return before.Problems.Select(problem => "invalid under the version in force: " + problem);
        }

        var changed = after.Verdicts
            .Select(verdict => (Before: before.Verdicts.FirstOrDefault(v => v.Rule == verdict.Rule), After: verdict))
            .Where(pair => pair.Before is null || pair.Before.Verdict != pair.After.Verdict || pair.Before.Reason != pair.After.Reason)
            .Select(pair => $"{pair.After.Rule}: {Name(pair.Before)} -> {Name(pair.After)}{Detail(pair.After)}");

        // A rule the candidate no longer has (a cap removed) shows only when the candidate went
        // past every rule; otherwise its absence just means an earlier rule refused first.
        var removed = after.Outcome == ReplayOutcome.Passes
            ? before.Verdicts.Where(verdict => after.Verdicts.All(v => v.Rule != verdict.Rule)).Select(verdict => $"{verdict.Rule}: {Name(verdict)} -> NONE (not in the candidate)")
            : [];
        return changed.Concat(removed);
    }

    private static string Detail(RuleVerdict verdict) => verdict.Detail.Length > 0 ? $" ({verdict.Detail})" : string.Empty;

    private static string Name(RuleVerdict? verdict) => verdict is null ? "NONE" : RuleNames.Of(verdict.Verdict).ToUpperInvariant();
}
