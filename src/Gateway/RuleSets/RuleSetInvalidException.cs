namespace Gateway.RuleSets;

/// <summary>A rule set that failed validation; every problem is listed with its path.</summary>
public sealed class RuleSetInvalidException : Exception
{
    public RuleSetInvalidException(string source, IReadOnlyList<RuleProblem> problems)
        : base($"Rule set {source} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public RuleSetInvalidException()
        : this("(unknown)", [])
    {
    }

    public RuleSetInvalidException(string message)
        : base(message)
    {
        Problems = [];
    }

    public RuleSetInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<RuleProblem> Problems { get; } = [];
}
