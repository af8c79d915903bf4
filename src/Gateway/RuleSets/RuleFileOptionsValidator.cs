using Microsoft.Extensions.Options;

namespace Gateway.RuleSets;

/// <summary>Checks <see cref="RuleFileOptions"/> at start-up, naming the key to fix.</summary>
internal sealed class RuleFileOptionsValidator : IValidateOptions<RuleFileOptions>
{
    public ValidateOptionsResult Validate(string? name, RuleFileOptions options) =>
        string.IsNullOrWhiteSpace(options.RuleSetPath)
            ? ValidateOptionsResult.Fail("Gateway:RuleSetPath is required: the rule file to load (see deploy/rules/).")
            : ValidateOptionsResult.Success;
}
