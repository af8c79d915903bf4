using Gateway.Deferral;
using Gateway.Observability;
using Gateway.Recent;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Gateway.Tests.Recent;

/// <summary>
/// The recent-decisions log on every store the gateway runs on (redis-server, Redis Cluster,
/// Garnet): batched writes newest first, trimmed to the capacity, swept past the retention,
/// one list per tenant, and read back decrypted.
/// </summary>
public abstract class RecentDecisionsContract
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected abstract string ConnectionString { get; }

    [Fact]
    public async Task Writer_BatchesPerTenant_TrimsToCapacitySweepsPastRetentionAndReadsBackNewestFirst()
    {
        await using var connection = await ConnectAsync();
        var clock = GatewayTestHost.DaytimeClock();
        var (log, writer, dropped) = Create(connection, clock, capacity: 4);
        var (tenantA, tenantB) = ("t-" + Guid.NewGuid().ToString("N")[..12], "t-" + Guid.NewGuid().ToString("N")[..12]);

        // One decision older than the retention, then six to A and two to B, a minute apart.
        log.Add(tenantA, TestReminders.OverdueEmail(key: "old"), DecisionAt(clock.GetUtcNow() - Retention - TimeSpan.FromHours(1)));
        var sentToA = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var decision = DecisionAt(clock.GetUtcNow());
            sentToA.Add(decision.ReminderId);
            log.Add(tenantA, TestReminders.OverdueSms(key: "a-" + i), decision);
        }

        log.Add(tenantB, TestReminders.OverdueSms(key: "b-0"), DecisionAt(clock.GetUtcNow()));
        log.Add(tenantB, TestReminders.OverdueSms(key: "b-1"), DecisionAt(clock.GetUtcNow()));

        await writer.StartAsync(default);
        var readA = await PollAsync(() => log.ReadAsync(tenantA, since: null, limit: 100, default), count: 4);
        await writer.StopAsync(default);
        Assert.Equal(0, dropped());
        var readB = await log.ReadAsync(tenantB, since: null, limit: 100, default);
        var sinceThird = await log.ReadAsync(tenantA, since: clock.GetUtcNow() - TimeSpan.FromMinutes(1), limit: 100, default);
        var limited = await log.ReadAsync(tenantA, since: null, limit: 2, default);

        Assert.Equal(sentToA.AsEnumerable().Reverse().Take(4), readA.Select(r => r.Recorded.ReminderId));
        Assert.Equal(["a-5", "a-4", "a-3", "a-2"], readA.Select(r => r.Request!.IdempotencyKey));
        Assert.All(readA, r => Assert.Equal((Outcome.Sent, 1L, TestSeed.DuePhone), (r.Recorded.Outcome, r.Recorded.RuleSetVersion, r.Request!.ContactPoint)));
        Assert.Equal(["b-1", "b-0"], readB.Select(r => r.Request!.IdempotencyKey));
        Assert.Equal(["a-5", "a-4"], sinceThird.Select(r => r.Request!.IdempotencyKey));
        Assert.Equal(["a-5", "a-4"], limited.Select(r => r.Request!.IdempotencyKey));
        Assert.Equal(4, await connection.GetDatabase().ListLengthAsync(StoreKeys.Recent(tenantA)));
    }

    [Fact]
    public async Task Sweep_EntriesPastTheRetention_AreDroppedFromTheEnd()
    {
        await using var connection = await ConnectAsync();
        var clock = GatewayTestHost.DaytimeClock();
        var (log, writer, dropped) = Create(connection, clock, capacity: 100);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < 3; i++)
        {
            log.Add(tenant, TestReminders.OverdueEmail(key: "old-" + i), DecisionAt(clock.GetUtcNow() - Retention - TimeSpan.FromMinutes(10 - i)));
        }

        log.Add(tenant, TestReminders.OverdueEmail(key: "new"), DecisionAt(clock.GetUtcNow()));
        await writer.StartAsync(default);
        var read = await PollAsync(() => log.ReadAsync(tenant, since: null, limit: 100, default), count: 1);
        await writer.StopAsync(default);
        Assert.Equal(0, dropped());

        Assert.Equal("new", Assert.Single(read).Request!.IdempotencyKey);
        Assert.Equal(1, await connection.GetDatabase().ListLengthAsync(StoreKeys.Recent(tenant)));
        Assert.True(await connection.GetDatabase().KeyTimeToLiveAsync(StoreKeys.Recent(tenant)) <= Retention);
    }

    /// <summary>
    /// A connection whose commands may take far longer than production allows: what these tests
    /// prove is what is written, not how fast, and a batch that runs out of time is dropped for good
    /// (a Lua script's first run on a loaded machine can take seconds).
    /// </summary>
    private Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true,asyncTimeout=30000,syncTimeout=30000");

    /// <returns>The log, its writer, and the number of entries the writer dropped so far.</returns>
    private static (RecentDecisions Log, RecentDecisionsWriter Writer, Func<double> Dropped) Create(IConnectionMultiplexer connection, FakeTimeProvider clock, int capacity)
    {
        var options = Options.Create(new RecentDecisionsOptions { Capacity = capacity, Retention = Retention, FlushInterval = TimeSpan.FromMilliseconds(20) });
        var metrics = new GatewayMetrics();
        var store = new GuardrailStore(
            connection,
            Options.Create(new StoreOptions { ConnectionString = "unused", OperationTimeout = TimeSpan.FromSeconds(30) }),
            new ContactHasher(Options.Create(new ContactHashOptions { ContactHashKey = "test-contact-hash-key-0123456789abcdef" })),
            metrics,
            clock);
        var protector = new PayloadProtector(Options.Create(new ContactHashOptions { ContactHashKey = "test-contact-hash-key-0123456789abcdef" }));
        var log = new RecentDecisions(store, protector, options, clock);
        var writer = new RecentDecisionsWriter(log, store, metrics, options, clock, TestWallClock.Real, NullLogger<RecentDecisionsWriter>.Instance);
        return (log, writer, () => metrics.RecentRequestsDropped.WithLabels("store_unavailable").Value + metrics.RecentRequestsDropped.WithLabels("error").Value);
    }

    private static Decision DecisionAt(DateTimeOffset at) => new()
    {
        ReminderId = "rem_" + Guid.NewGuid().ToString("N"),
        DecidedAt = Timestamp.FromDateTimeOffset(at),
        Outcome = Outcome.Sent,
        RuleSetVersion = 1,
        DebtorId = TestSeed.DueDebtor,
        Channel = Channel.Sms,
    };

    private static async Task<IReadOnlyList<RecentRequest>> PollAsync(Func<Task<IReadOnlyList<RecentRequest>>> read, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = await read();
            // Bounded only against a writer that never writes; the interval is 20 ms.
            if (found.Count >= count || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return found;
            }

            await Task.Delay(20);
        }
    }
}
