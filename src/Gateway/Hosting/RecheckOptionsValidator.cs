using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Checks <see cref="RecheckOptions"/> at start-up.</summary>
internal sealed class RecheckOptionsValidator : IValidateOptions<RecheckOptions>
{
    public ValidateOptionsResult Validate(string? name, RecheckOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(10))
        {
            failures.Add("Gateway:Recheck:Timeout must be between 0 and 10 seconds.");
        }

        if (options.RetryAfter <= TimeSpan.Zero)
        {
            failures.Add("Gateway:Recheck:RetryAfter must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
