namespace Gateway.Channels;

/// <summary>
/// What a carrier's answer means for the reminder. <see cref="Ambiguous"/> is the one a relay must
/// never resend blindly: the carrier may have the message, so a second send could reach the person twice.
/// </summary>
internal enum CarrierOutcome
{
    /// <summary>The carrier took the message.</summary>
    Accepted,

    /// <summary>The carrier refused it, or it never reached the carrier: definitely not sent.</summary>
    Rejected,

    /// <summary>The request reached the carrier but its answer did not come back: it may have been sent.</summary>
    Ambiguous,
}
