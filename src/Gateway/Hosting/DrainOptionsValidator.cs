using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Checks <see cref="DrainOptions"/> at start-up.</summary>
internal sealed class DrainOptionsValidator : IValidateOptions<DrainOptions>
{
    public ValidateOptionsResult Validate(string? name, DrainOptions options)
    {
        var failures = new List<string>();
        if (options.ReadinessDelay < TimeSpan.Zero || options.ReadinessDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:Drain:ReadinessDelay must be between 0 and 1 minute.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Gateway:Drain:Timeout must be more than 0 and at most 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
