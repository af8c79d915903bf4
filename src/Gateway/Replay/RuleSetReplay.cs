using Gateway.Decisions;
using Gateway.Guards;
using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Replay;

/// <summary>
/// Decides reminders under the version in force and under a candidate. Listed reminders go
/// through the real pipeline in <see cref="DecisionMode.Preview"/>: local rules, the review gate,
/// then consent and every cap against the store's current state, read-only, each rule set with
/// its own caps; never the recheck, a relay, a reservation or a record. Nothing is reserved, sent
/// or recorded. A store that cannot be reached fails the whole replay (fail closed).
/// </summary>
internal sealed partial class RuleSetReplay(ReminderValidator validator, LocalRulesStep localRules, DecisionPipeline pipeline, TimeProvider time)
{
    /// <summary>How many listed reminders are previewed at once (each reads the store twice).</summary>
    private const int Concurrency = 16;

    /// <exception cref="Store.StoreUnavailableException">The guardrail store did not answer; no partial answer is given.</exception>
    public async Task<IReadOnlyList<ReplayedReminder>> ReplayAsync(Tenant tenant, IReadOnlyList<Reminder> reminders, RuleSet inForce, RuleSet candidate, DateTime deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var now = time.GetUtcNow();
        var replayed = new ReplayedReminder[reminders.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, reminders.Count), options, async (i, token) =>
        {
            var before = await PreviewAsync(tenant, reminders[i], inForce, deadline, token).ConfigureAwait(false);
            var after = await PreviewAsync(tenant, reminders[i], candidate, deadline, token).ConfigureAwait(false);
            replayed[i] = ReplayComparison.Compare(i, reminders[i].IdempotencyKey, before, after, inForce.Version, now);
        }).ConfigureAwait(false);
        return replayed;
    }

    private async Task<ReplaySide> PreviewAsync(Tenant tenant, Reminder reminder, RuleSet rules, DateTime deadline, CancellationToken cancellationToken)
    {
        var request = new DecisionRequest(tenant, reminder, DecisionMode.Preview, WallClock.FromGrpc(deadline)) { RulesUnderTest = rules };
        var result = await pipeline.DecideAsync(request, cancellationToken).ConfigureAwait(false);
        return result.Decision is { } decision ? ReplaySide.Of(decision) : ReplaySide.Invalid(result.Violations);
    }
}
