using Microsoft.Extensions.Options;

namespace Gateway.Recent;

/// <summary>Checks <see cref="RecentDecisionsOptions"/> at start-up.</summary>
internal sealed class RecentDecisionsOptionsValidator : IValidateOptions<RecentDecisionsOptions>
{
    public ValidateOptionsResult Validate(string? name, RecentDecisionsOptions options)
    {
        var failures = new List<string>();
        if (options.Capacity is < 0 or > 1_000_000)
        {
            failures.Add("Gateway:RecentDecisions:Capacity must be between 0 (off) and 1000000.");
        }

        if (options.Retention < TimeSpan.FromMinutes(1) || options.Retention > TimeSpan.FromDays(365))
        {
            failures.Add("Gateway:RecentDecisions:Retention must be between 1 minute and 365 days.");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add("Gateway:RecentDecisions:QueueCapacity must be between 1 and 1000000.");
        }

        if (options.FlushInterval < TimeSpan.FromMilliseconds(10) || options.FlushInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add("Gateway:RecentDecisions:FlushInterval must be between 10 ms and 10 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
