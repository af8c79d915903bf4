using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// What counts as "the store did not answer", in one place for every store call: connection and
/// server errors, timeouts, and the client's own failures under load (StackExchange.Redis can throw
/// InvalidOperationException, for example "Reading is not allowed after reader was completed",
/// or ObjectDisposedException while a connection is torn down). Each is a store that cannot be
/// relied on this time: the gateway fails closed, never answers a bare UNKNOWN.
/// </summary>
internal static class StoreFailure
{
    public static bool Is(Exception exception) =>
        exception is RedisException or TimeoutException or InvalidOperationException or ObjectDisposedException;
}
