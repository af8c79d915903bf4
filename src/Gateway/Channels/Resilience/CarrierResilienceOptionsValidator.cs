using Microsoft.Extensions.Options;

namespace Gateway.Channels.Resilience;

/// <summary>Checks <see cref="CarrierResilienceOptions"/> at start-up, naming each bad key; the breaker's ranges are Polly's own.</summary>
internal sealed class CarrierResilienceOptionsValidator : IValidateOptions<CarrierResilienceOptions>
{
    private const string Key = CarrierResilienceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CarrierResilienceOptions options)
    {
        var failures = new List<string>();
        if (options.RelayTimeout <= TimeSpan.Zero || options.RelayTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Key}:RelayTimeout must be between 0 and 1 minute.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > options.RelayTimeout)
        {
            failures.Add($"{Key}:AttemptTimeout must be positive and at most {Key}:RelayTimeout.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > options.AttemptTimeout)
        {
            failures.Add($"{Key}:ConnectTimeout must be positive and at most {Key}:AttemptTimeout.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Key}:MaxRetries must be between 0 and 10.");
        }

        if (options.BaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Key}:BaseDelay must be positive.");
        }

        if (options.RetryableStatusCodes.Any(code => code is < 500 or > 599))
        {
            failures.Add($"{Key}:RetryableStatusCodes may list only 5xx statuses (429 is always retried after its Retry-After).");
        }

        if (!(options.BreakerFailureRatio > 0 && options.BreakerFailureRatio <= 1))
        {
            failures.Add($"{Key}:BreakerFailureRatio must be above 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add($"{Key}:BreakerMinimumThroughput must be at least 2.");
        }

        if (options.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakerSamplingDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{Key}:BreakerSamplingDuration must be between 0.5 seconds and 1 day.");
        }

        if (options.BreakerBreakDuration < TimeSpan.FromMilliseconds(500) || options.BreakerBreakDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{Key}:BreakerBreakDuration must be between 0.5 seconds and 1 day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
