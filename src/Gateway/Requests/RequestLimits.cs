namespace Gateway.Requests;

/// <summary>
/// The sizes a request may reach. Every field a caller fills is bounded, so that the work one
/// request causes, and the error that answers it, stay small whatever the caller sends.
/// </summary>
internal static class RequestLimits
{
    /// <summary>
    /// A whole reminder on the wire: a push token (4 KiB), the largest parameter map and every
    /// fallback fit well inside; anything larger is not a reminder, and is refused before its fields are read.
    /// </summary>
    public const int MaxReminderBytes = 32 * 1024;

    /// <summary>More template parameters than any template declares is a caller's mistake; each is not examined.</summary>
    public const int MaxParameters = 32;

    public const int MaxParameterValueLength = 256;

    /// <summary>A reminder names at most one fallback per channel other than its own.</summary>
    public const int MaxFallbacks = 3;

    /// <summary>A free-text reason (a cancel, a review rejection), with no personal data.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// How far ahead a reminder may be held. A reminder due in more than a year is no reminder, and
    /// a hold that long outlives every cap window and lease the store keeps for it.
    /// </summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromDays(366);
}
