namespace Gateway.Rules;

/// <summary>What a cap counts over.</summary>
internal enum CapPeriod
{
    /// <summary>Any sliding window of the cap's length ending now.</summary>
    Sliding,

    /// <summary>The current calendar day in the recipient's local time (in every candidate zone, counted from the earliest midnight).</summary>
    CalendarDay,
}
