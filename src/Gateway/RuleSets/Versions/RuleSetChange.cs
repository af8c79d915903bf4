namespace Gateway.RuleSets.Versions;

/// <summary>One member that differs between two versions; an empty side means added or removed.</summary>
internal sealed record RuleSetChange(string Path, string Before, string After);
