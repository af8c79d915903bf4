using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.RuleSets.Versions;

/// <summary>Checks <see cref="RuleStoreOptions"/> at start-up; each failure names the key to fix.</summary>
internal sealed partial class RuleStoreOptionsValidator : IValidateOptions<RuleStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RuleStoreOptions options)
    {
        var failures = new List<string>();
        if (!Namespace().IsMatch(options.Namespace ?? string.Empty))
        {
            failures.Add($"Gateway:Rules:Namespace must match {Namespace()}.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Gateway:Rules:PollInterval must be between 00:00:00.1 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,31}\z", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Namespace();
}
