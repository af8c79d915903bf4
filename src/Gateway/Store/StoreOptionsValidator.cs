using Microsoft.Extensions.Options;

namespace Gateway.Store;

/// <summary>Checks <see cref="StoreOptions"/> at start-up.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Gateway:Store:ConnectionString is required, for example 127.0.0.1:6379.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromSeconds(10))
        {
            failures.Add("Gateway:Store:OperationTimeout must be between 0 and 10 seconds.");
        }

        if (options.IdempotencyTtl < TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:Store:IdempotencyTtl must be at least one minute.");
        }

        if (options.DecisionRetention < options.IdempotencyTtl)
        {
            failures.Add("Gateway:Store:DecisionRetention must be at least Gateway:Store:IdempotencyTtl.");
        }

        if (options.ReservationLease < TimeSpan.FromSeconds(10) || options.ReservationLease > TimeSpan.FromHours(1))
        {
            failures.Add("Gateway:Store:ReservationLease must be between 10 seconds and 1 hour.");
        }

        if (options.RetryAfter <= TimeSpan.Zero)
        {
            failures.Add("Gateway:Store:RetryAfter must be positive.");
        }

        if (options.UnwrittenRecordRetryFor < TimeSpan.Zero)
        {
            failures.Add("Gateway:Store:UnwrittenRecordRetryFor must not be negative.");
        }

        if (options.UnwrittenRecordCapacity < 1)
        {
            failures.Add("Gateway:Store:UnwrittenRecordCapacity must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
