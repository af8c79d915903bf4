using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>The recent-decisions log is best effort: with the store down its writer drops and counts, and it writes again once the store is back.</summary>
public sealed class RecentLogFailureTests
{
    [Fact]
    public async Task Writer_StoreDown_DropsAndCountsThenRecovers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Store:OperationTimeout"] = "00:00:00.300" });

        // The decision made while the store is down cannot be recorded either (event 1003).
        env.Gateway.ExpectedError = error => error.Contains("[1003]", StringComparison.Ordinal);
        var debtors = Enumerable.Range(7401, 20).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();
        await redis.KillAsync();

        // 05:00 in Tokyo: refused by quiet hours before the store is needed, so it is decided, and handed to the log.
        var atNight = TestReminders.OverdueEmail(debtors[0].DebtorId, debtors[0].DebtId, debtors[0].Email);
        atNight.RecipientTimeZone = "Asia/Tokyo";
        var whileDown = await env.Gateway.SendAsync(atNight);
        Assert.Equal(Outcome.Suppressed, whileDown.Outcome);
        Assert.Equal(1, await env.Gateway.AwaitMetricAsync("gateway_recent_requests_dropped_total{reason=\"store_unavailable\"}", 1));

        await redis.RestartAsync();
        var recovered = Stopwatch.StartNew();
        Decision? after = null;
        foreach (var debtor in debtors.Skip(1))
        {
            try
            {
                after = await env.Gateway.SendAsync(TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email));
                break;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && recovered.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(Outcome.Sent, after?.Outcome);
        var replayed = await RecentReplayTests.ReplayRecentAsync(env, new ReplayRecent(), expected: 1);
        Assert.Equal(after!.ReminderId, Assert.Single(replayed).Recorded.ReminderId);
        Assert.Equal(1, GatewayTestHost.Sample(await env.Gateway.ScrapeMetricsAsync(), "gateway_recent_requests_dropped_total{reason=\"store_unavailable\"}"));
    }
}
