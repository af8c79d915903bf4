namespace Gateway.RuleSets;

/// <summary>One thing wrong with a candidate rule set, at a JSON path such as <c>$.jurisdictions.US.caps[0].window</c>.</summary>
public sealed record RuleProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
