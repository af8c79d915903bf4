namespace Gateway.Decisions;

/// <summary>
/// How far a decision's hold on the store has gone. The record step reads it, and only it, to
/// decide what a final outcome does to the idempotency key and the cap slots.
/// </summary>
internal enum ReservationPhase
{
    /// <summary>Nothing reserved: the key is untouched (the record checks it) and no cap slot is held.</summary>
    None,

    /// <summary>The key is held pending, no cap slot: a fallback released the first channel's slots.</summary>
    KeyHeld,

    /// <summary>The key and the cap slots are held; no carrier has been asked. A refusal releases the slots.</summary>
    Reserved,

    /// <summary>A carrier may hold the message: the slots keep counting and the key is bound, whatever the outcome.</summary>
    RelayBegun,
}
