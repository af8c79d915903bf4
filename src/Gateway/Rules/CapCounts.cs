namespace Gateway.Rules;

/// <summary>What a cap counts.</summary>
internal enum CapCounts
{
    /// <summary>Every contact attempt: each reminder the gateway relays, and attempts reported through RecordContact.</summary>
    Attempts,

    /// <summary>
    /// Conversations only (a call that connected and discussed the debt), as reported through
    /// RecordContact. A reminder is refused while the cap is full but never counts against it itself:
    /// with a limit of 1 this is Regulation F's "no call within 7 days after a conversation".
    /// </summary>
    Conversations,
}
