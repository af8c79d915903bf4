using Gateway.RuleSets.Versions;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Tests.Store;

/// <summary>
/// The rule version store on each server the gateway runs on (redis-server, Redis Cluster, the
/// embedded Garnet of `make run`): the same Lua script numbers versions, refuses a stale
/// expectation and seeds only upwards; every append is announced.
/// </summary>
public abstract class RuleSetStoreContract
{
    protected abstract string ConnectionString { get; }

    [Fact]
    public async Task Append_NumbersVersions_RefusesAStaleExpectation_SeedsOnlyUpwards()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var store = Store(connection);
        var none = CancellationToken.None;

        Assert.Equal(0, await store.GetLatestVersionAsync(none));
        Assert.Equal((true, 1L), Result(await store.AppendAsync("{}", "seed", "file", "seeded", -1, 1, 0, none)));
        Assert.Equal((true, 2L), Result(await store.AppendAsync("{ }", "next", "ann", "why", 1, 0, 0, none)));
        Assert.Equal((false, 2L), Result(await store.AppendAsync("{}", "stale", "bob", "why", 1, 0, 0, none)));
        Assert.Equal((false, 2L), Result(await store.AppendAsync("{}", "seed", "file", "seeded", -1, 2, 0, none)));
        Assert.Equal((true, 5L), Result(await store.AppendAsync("{}", "newer file", "file", "seeded", -1, 5, 0, none)));

        var second = await store.GetAsync(2, none);
        Assert.Equal(("{ }", "next", "ann", "why"), (second!.Text, second.Name, second.Author, second.Reason));
        Assert.Null(await store.GetAsync(3, none));
        Assert.Equal([5L, 2L, 1L], (await store.ListAsync(10, none)).Select(version => version.Version));
    }

    [Fact]
    public async Task Append_IsAnnouncedToSubscribers()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var store = Store(connection);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await store.SubscribeAsync(() => heard.TrySetResult());

        await store.AppendAsync("{}", "seed", "file", "seeded", -1, 1, 0, CancellationToken.None);

        // Bounded: on a quiet machine the notice arrives in milliseconds.
        var announced = await Task.WhenAny(heard.Task, Task.Delay(TimeSpan.FromSeconds(5))) == heard.Task;
        Assert.True(announced, "no subscriber heard of the new version within 5 s");
    }

    private static (bool, long) Result(AppendResult result) => (result.Stored, result.Version);

    private static RuleSetStore Store(IConnectionMultiplexer connection) => new(
        connection,
        Options.Create(new RuleStoreOptions { Namespace = "ns-" + Guid.NewGuid().ToString("N")[..12] }),
        Options.Create(new StoreOptions { OperationTimeout = TimeSpan.FromSeconds(5) }),
        GatewayTestHost.DaytimeClock());
}
