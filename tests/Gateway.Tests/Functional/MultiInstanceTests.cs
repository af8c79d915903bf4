using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>
/// Two gateway processes sharing one store: 200 concurrent requests each for one debtor against a
/// cap of 3 produce exactly 3 carrier sends in total, on standalone Redis and on Redis Cluster.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class MultiInstanceTests(RedisFixture redis, RedisClusterFixture cluster) : IClassFixture<RedisClusterFixture>
{
    private static readonly string[] Zones = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"];

    [Fact]
    public Task TwoProcesses_FourHundredConcurrentAgainstCapOfThree_ExactlyThreeSends_Standalone() =>
        RaceAsync(redis.Server.ConnectionString);

    [Fact]
    public Task TwoProcesses_FourHundredConcurrentAgainstCapOfThree_ExactlyThreeSends_Cluster() =>
        RaceAsync(cluster.ConnectionString);

    private static async Task RaceAsync(string storeConnectionString)
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        await using var lender = await SandboxLenderServer.StartAsync(0, TestSeed.Create());
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(lender.Ledger, 1234);
        var outbox = Path.Combine(Directory.CreateTempSubdirectory("gateway-race-").FullName, "outbox.jsonl");
        // The race is about the caps, not latency: generous budgets keep a loaded machine
        // from failing requests closed (which would be correct, but not what this test measures).
        var settings = new Dictionary<string, string> { ["Gateway__Recheck__Timeout"] = "00:00:05", ["Gateway__Store__OperationTimeout"] = "00:00:05" };
        await using var first = await GatewayProcess.StartAsync(tenant, storeConnectionString, lender.Address, outbox, settings);
        await using var second = await GatewayProcess.StartAsync(tenant, storeConnectionString, lender.Address, outbox, settings);

        // These processes run on the real clock: place the recipient where it is daytime now.
        var zone = DaytimeZone();
        Task<SendReminderResponse> Send(GatewayProcess gateway)
        {
            var reminder = TestReminders.OverdueEmail(debtor, debt, email);
            reminder.RecipientTimeZone = zone;
            return gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized(TimeSpan.FromSeconds(60))).ResponseAsync;
        }

        var calls = Enumerable.Range(0, 200).SelectMany(_ => new[] { Send(first), Send(second) }).ToList();
        var decisions = (await Task.WhenAll(calls)).Select(response => response.Decision).ToList();

        var lines = File.Exists(outbox) ? File.ReadAllLines(outbox).Where(line => line.Length > 0).ToList() : [];
        var outcomes = string.Join(", ", decisions.GroupBy(d => $"{d.Outcome}:{string.Join("+", d.Reasons)}").Select(g => $"{g.Key} x{g.Count()}"));
        Assert.True(lines.Count == 3, $"{lines.Count} outbox lines; decisions {outcomes}\n{first.Output}\n{second.Output}");
        Assert.Equal(3, decisions.Count(d => d.Outcome == Outcome.Sent));
        Assert.Equal(397, decisions.Count(d => d.Outcome == Outcome.Suppressed && d.Reasons.SequenceEqual([ReasonCode.CapExceeded])));
        Assert.Equal(3, decisions.Where(d => d.Outcome == Outcome.Sent).Select(d => d.CarrierMessageId).Distinct().Count());
    }

    private static string DaytimeZone()
    {
        var now = TimeProvider.System.GetUtcNow();
        return Zones.First(id => TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(id)).Hour is >= 10 and < 19);
    }
}
