using Gateway.Decisions;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Record;

/// <summary>One decision whose record the store did not take, with everything needed to write it again exactly as first tried, and where its retries stand.</summary>
internal sealed class UnwrittenRecord(DecisionContext context, Decision decision, IReadOnlyList<CapRule> release, IdempotencyMode mode, bool checkIdempotency, DateTimeOffset firstTriedAt, long giveUpAt)
{
    public DecisionContext Context { get; } = context;

    public Decision Decision { get; } = decision;

    public IReadOnlyList<CapRule> Release { get; } = release;

    public IdempotencyMode Mode { get; } = mode;

    public bool CheckIdempotency { get; } = checkIdempotency;

    /// <summary>When the pipeline first tried; the debtor's history keeps this instant.</summary>
    public DateTimeOffset FirstTriedAt { get; } = firstTriedAt;

    /// <summary>A <see cref="System.Diagnostics.Stopwatch"/> timestamp past which the retries stop.</summary>
    public long GiveUpAt { get; } = giveUpAt;

    public int Attempts { get; set; }

    /// <summary>A <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long NextAttemptAt { get; set; }
}
