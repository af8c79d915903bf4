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

    /// <summary>
    /// The carrier refused because the person told it to stop (Twilio 21610, Vonage's barred
    /// number) or the device token is retired (APNs 410, FCM UNREGISTERED). Definitely not taken,
    /// and no other carrier or channel may try this person in the same decision: a failover would
    /// route around their opt-out.
    /// </summary>
    RecipientOptedOut,
}
