using Microsoft.Extensions.Options;

namespace Gateway.Recheck;

/// <summary>Checks <see cref="RecheckOptions"/> at start-up. The breaker's ranges are Polly's own, named here by key rather than left to Polly's exception.</summary>
internal sealed class RecheckOptionsValidator : IValidateOptions<RecheckOptions>
{
    private static readonly TimeSpan PollyMinimum = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollyMaximum = TimeSpan.FromDays(1);

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

        if (!(options.BreakerFailureRatio > 0 && options.BreakerFailureRatio <= 1))
        {
            failures.Add("Gateway:Recheck:BreakerFailureRatio must be above 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add("Gateway:Recheck:BreakerMinimumThroughput must be at least 2.");
        }

        foreach (var (key, value) in new[] { ("BreakerSamplingDuration", options.BreakerSamplingDuration), ("BreakerBreakDuration", options.BreakerBreakDuration) })
        {
            if (value < PollyMinimum || value > PollyMaximum)
            {
                failures.Add($"Gateway:Recheck:{key} must be between 0.5 seconds and 1 day.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
