using Gateway.Store;
using StackExchange.Redis;

namespace Gateway.Tests.Store;

/// <summary>Which exceptions mean "the store did not answer": the gateway then fails closed, never answering a bare UNKNOWN.</summary>
public sealed class StoreFailureTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new RedisConnectionException(ConnectionFailureType.SocketFailure, "down"), true },
        { new RedisTimeoutException("slow", CommandStatus.Sent), true },
        { new TimeoutException(), true },
        { new InvalidOperationException("Reading is not allowed after reader was completed."), true },
        { new ObjectDisposedException("reminder-gateway"), true },
        { new OperationCanceledException(), false },
        { new ArgumentException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_ClassifiesTheClientsFailures(Exception exception, bool isStoreFailure) =>
        Assert.Equal(isStoreFailure, StoreFailure.Is(exception));
}
