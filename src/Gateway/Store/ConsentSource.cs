namespace Gateway.Store;

/// <summary>
/// Who recorded a consent change. Every source but <see cref="Lender"/> is the person's own word,
/// and an opt-out made by the person is undone only by the person (<see cref="Keyword"/>).
/// </summary>
internal enum ConsentSource
{
    /// <summary>The lender, through <c>ConsentService</c>.</summary>
    Lender,

    /// <summary>The person's reply to a message (STOP, START).</summary>
    Keyword,

    /// <summary>The person's unsubscribe link in an email.</summary>
    Unsubscribe,

    /// <summary>The carrier's record that the person stopped messages (Twilio 21610, say), or a retired push token.</summary>
    Carrier,
}
