namespace Gateway.Guards.StatedPreferences;

/// <summary>A debtor's recorded preferences and when they were recorded.</summary>
internal sealed record RecordedPreferences(DebtorPreferences Preferences, DateTimeOffset RecordedAt);
