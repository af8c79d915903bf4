using Gateway.V1;

namespace Gateway.Store;

/// <summary>
/// The consent state of one debtor, channel and contact point, and when it was recorded.
/// <see cref="Changed"/> is true when a write moved it (a first opt-out, not a repeated one).
/// </summary>
internal sealed record ConsentRecord(ConsentState State, DateTimeOffset? RecordedAt)
{
    public bool Changed { get; init; }

    /// <summary>Set when a grant was refused: the source of the person's opt-out that stands.</summary>
    public ConsentSource? RefusedBy { get; init; }
}
