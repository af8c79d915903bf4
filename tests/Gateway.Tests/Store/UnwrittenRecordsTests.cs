using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Record;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Store;

/// <summary>
/// The background retry of records the store refused, with the store really down (a killed
/// redis-server): it holds no more than its capacity, gives up when its time is up, and says so in
/// its metrics and error logs. Its success after recovery is shown end to end in
/// Functional/StoreFailureTests.
/// </summary>
public sealed class UnwrittenRecordsTests
{
    [Fact]
    public async Task StoreDown_PastCapacityDroppedAndPastItsTimeAbandoned_EachCountedAndLogged()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var harness = await StoreHarness.ConnectAsync(redis.ConnectionString);
        var kept = harness.Context();
        var overflow = harness.Context();
        await redis.KillAsync();
        var logs = new LogCapture();
        var metrics = new GatewayMetrics();
        var options = Options.Create(new StoreOptions { ConnectionString = "unused", UnwrittenRecordCapacity = 1, UnwrittenRecordRetryFor = TimeSpan.FromMilliseconds(500) });
        using var unwritten = new UnwrittenRecords(harness.Store, options, metrics, harness.Clock, TestWallClock.Real, logs.For<UnwrittenRecords>());
        await unwritten.StartAsync(CancellationToken.None);

        var keptAdded = unwritten.Add(kept, DecisionFactory.Create(kept, Gateway.V1.Outcome.Sent), [], Gateway.Store.IdempotencyMode.Bind, checkIdempotency: false);
        var overflowAdded = unwritten.Add(overflow, DecisionFactory.Create(overflow, Gateway.V1.Outcome.Sent), [], Gateway.Store.IdempotencyMode.Bind, checkIdempotency: false);
        var waited = Stopwatch.StartNew();
        while (metrics.UnwrittenRecordsSettled.WithLabels("abandoned").Value < 1 && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        await unwritten.StopAsync(CancellationToken.None);

        Assert.True(keptAdded);
        Assert.False(overflowAdded);
        Assert.Equal(1, metrics.UnwrittenRecordsSettled.WithLabels("dropped").Value);
        Assert.Equal(1, metrics.UnwrittenRecordsSettled.WithLabels("abandoned").Value);
        Assert.Equal(0, metrics.UnwrittenRecordsSettled.WithLabels("written").Value);
        Assert.Equal(0, metrics.UnwrittenRecords.Value);
        Assert.Contains(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("[1008]", StringComparison.Ordinal) && line.Contains(overflow.ReminderId, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("[1007]", StringComparison.Ordinal) && line.Contains(kept.ReminderId, StringComparison.Ordinal));
    }
}
