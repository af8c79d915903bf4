using Microsoft.Extensions.Options;

namespace Gateway.Deferral;

/// <summary>Checks <see cref="DeferralOptions"/> at start-up.</summary>
internal sealed class DeferralOptionsValidator : IValidateOptions<DeferralOptions>
{
    public ValidateOptionsResult Validate(string? name, DeferralOptions options)
    {
        var failures = new List<string>();
        if (options.Shards is < 1 or > 1024)
        {
            failures.Add("Gateway:Deferral:Shards must be between 1 and 1024.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:Deferral:PollInterval must be between 10 ms and 1 minute.");
        }

        if (options.ClaimLease < TimeSpan.FromSeconds(1))
        {
            failures.Add("Gateway:Deferral:ClaimLease must be at least 1 second.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add("Gateway:Deferral:BatchSize must be between 1 and 10000.");
        }

        if (options.Concurrency is < 1 or > 1024)
        {
            failures.Add("Gateway:Deferral:Concurrency must be between 1 and 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
