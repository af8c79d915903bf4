namespace Gateway.RuleSets.Versions;

/// <summary>
/// One version of the rule set as the store keeps it: the text its author wrote (comments and
/// all, so that what was approved is what is kept), who stored it, why and when.
/// </summary>
internal sealed record StoredRuleSet(long Version, string Name, string Text, string Author, string Reason, DateTimeOffset CreatedAt, long RolledBackTo);
