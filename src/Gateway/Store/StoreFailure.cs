using Gateway.Observability;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// What counts as "the store did not answer", in one place for every store call: connection and
/// server errors, timeouts, and the client's own failures under load (StackExchange.Redis can throw
/// InvalidOperationException, for example "Reading is not allowed after reader was completed",
/// or ObjectDisposedException while a connection is torn down, or a TaskCanceledException for
/// a command in flight on a connection that died). Each is a store that cannot be relied on this
/// time: the gateway fails closed, never answers a bare UNKNOWN.
/// </summary>
internal static class StoreFailure
{
    public static bool Is(Exception exception) =>
        exception is RedisException or TimeoutException or InvalidOperationException or ObjectDisposedException;

    /// <summary>
    /// Runs one store call within <paramref name="budget"/>; a failure (see <see cref="Is"/>) is
    /// counted on <c>gateway_store_failures_total{operation}</c> and becomes
    /// <see cref="StoreUnavailableException"/>, on which every caller fails closed.
    /// </summary>
    public static async Task<T> RunAsync<T>(IConnectionMultiplexer redis, TimeSpan budget, GatewayMetrics? metrics, string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(redis.GetDatabase()).WaitAsync(budget, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Is(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics?.StoreFailures.WithLabels(operation).Inc();
            throw new StoreUnavailableException($"The store did not answer the {operation} step within {budget.TotalMilliseconds} ms.", ex);
        }
    }
}
