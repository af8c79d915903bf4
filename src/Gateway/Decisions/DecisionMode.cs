namespace Gateway.Decisions;

/// <summary>
/// Whether a decision may reserve, send and record (<see cref="Send"/>), only evaluate
/// (<see cref="DryRun"/>), or only preview a rule set (<see cref="Preview"/>).
/// </summary>
internal enum DecisionMode
{
    Send,
    DryRun,

    /// <summary>
    /// A rule set replay: the pipeline runs up to and including the store check, read-only and
    /// ignoring the idempotency key, then stops (no recheck, relay, reservation or record). A store
    /// that cannot be reached is thrown as a store failure, never
    /// turned into a decision, so that a preview is never a half answer.
    /// </summary>
    Preview,
}
