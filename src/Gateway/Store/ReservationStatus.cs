namespace Gateway.Store;

/// <summary>What the check-and-reserve script found.</summary>
internal enum ReservationStatus
{
    /// <summary>Every check passed and the send is reserved against every cap.</summary>
    Reserved,

    /// <summary>Dry run: every check passed; nothing was reserved.</summary>
    WouldReserve,

    /// <summary>At least one cap is full.</summary>
    CapExceeded,

    /// <summary>The idempotency key already has a decision.</summary>
    Duplicate,

    /// <summary>The idempotency key belongs to a reminder still being decided.</summary>
    InFlight,

    /// <summary>The idempotency key was used for a different request.</summary>
    Conflict,

    /// <summary>The debtor opted out of this channel at this contact point.</summary>
    OptedOut,

    /// <summary>The channel needs consent that is not recorded.</summary>
    ConsentMissing,

    /// <summary>The held reminder being released was cancelled (or expired) first.</summary>
    Cancelled,

    /// <summary>The debtor stated the channels they want, and this is not one of them. Nothing reserved.</summary>
    ChannelNotPreferred,

    /// <summary>The instant is outside the debtor's stated windows in at least one candidate zone. Nothing reserved.</summary>
    OutsideStatedHours,
}
