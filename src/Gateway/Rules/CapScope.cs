namespace Gateway.Rules;

/// <summary>What one cap counts per.</summary>
internal enum CapScope
{
    /// <summary>Every reminder to the debtor, whatever the debt or contact point.</summary>
    Debtor,

    /// <summary>Reminders about one debt.</summary>
    Debt,

    /// <summary>Reminders to one contact point of the debtor.</summary>
    Contact,
}
