namespace Gateway.Channels;

/// <summary>What a carrier's answer means for the message, the only three things the pipeline needs to know.</summary>
internal enum CarrierOutcome
{
    /// <summary>The carrier took the message: the reminder is SENT.</summary>
    Accepted,

    /// <summary>The carrier definitely did not take it: safe to release the reservation or try the next carrier.</summary>
    Rejected,

    /// <summary>
    /// The carrier may or may not have it (a timeout or a dropped connection after the request went
    /// out). Never resent blindly, never failed over: the reservation keeps counting.
    /// </summary>
    Ambiguous,
}
