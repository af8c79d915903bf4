namespace Gateway.RuleSets;

/// <summary>Where the rule file is (<c>Gateway:RuleSetPath</c>), bound from the <c>Gateway</c> section.</summary>
public sealed class RuleFileOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The rule file loaded at start-up, relative to the content root (<c>Gateway:RuleSetPath</c>).</summary>
    public string RuleSetPath { get; set; } = string.Empty;
}
