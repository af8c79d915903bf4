using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// A gateway process killed (SIGKILL) while it holds due reminders mid-release: another instance
/// sends each exactly once. Nothing lost, nothing twice.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class HeldReminderFailoverTests(RedisFixture redis)
{
    private const int Reminders = 20;
    private static readonly string[] Zones = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"];

    [Fact]
    public async Task InstanceKilledWhileReleasing_AnotherSendsEachExactlyOnce()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        await using var lender = await SandboxLenderServer.StartAsync(0, TestSeed.Create());
        var outbox = Path.Combine(Directory.CreateTempSubdirectory("gateway-failover-").FullName, "outbox.jsonl");
        var settings = new Dictionary<string, string>
        {
            // The lender fails first, so every reminder is held for a retry 2 s later.
            ["Gateway__Recheck__RetryAfter"] = "00:00:02",
            ["Gateway__Recheck__Timeout"] = "00:00:08",
            ["Gateway__Recheck__BreakerMinimumThroughput"] = "1000",
            ["Gateway__Deferral__ClaimLease"] = "00:00:03",
            ["Gateway__Deferral__PollInterval"] = "00:00:00.100",
            ["Gateway__Deferral__Concurrency"] = "64",
            ["Gateway__Store__ReservationLease"] = "00:00:10",
            ["Gateway__Store__OperationTimeout"] = "00:00:05",
        };
        var zone = Zones.First(id => TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(id)).Hour is >= 9 and < 18);
        var debtors = Enumerable.Range(7301, Reminders).Select(n => TestSeed.AddDueDebtor(lender.Ledger, n)).ToList();

        var first = await GatewayProcess.StartAsync(tenant, redis.Server.ConnectionString, lender.Address, outbox, settings);
        List<Decision> held;
        try
        {
            lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Unavailable));
            held = (await Task.WhenAll(debtors.Select(d =>
            {
                var reminder = TestReminders.OverdueEmail(d.DebtorId, d.DebtId, d.Email).Deferrable(TimeProvider.System.GetUtcNow().AddMinutes(10));
                reminder.RecipientTimeZone = zone;
                return first.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized()).ResponseAsync;
            }))).Select(response => response.Decision).ToList();
            Assert.All(held, decision => Assert.True(decision.Held && decision.Outcome == Outcome.Deferred, decision.ToString()));

            // Now the lender answers, slowly: the first instance claims the due reminders and is
            // mid-recheck for all of them when it is killed.
            var callsBefore = lender.Faults.Calls;
            lender.Faults.Set(new FaultSettings(Delay: TimeSpan.FromSeconds(6)));
            await WaitUntilAsync(() => lender.Faults.Calls >= callsBefore + (2 * Reminders), TimeSpan.FromSeconds(30), "the first instance to start releasing");
        }
        finally
        {
            await first.DisposeAsync();
        }

        lender.Faults.Clear();
        Assert.False(File.Exists(outbox) && File.ReadAllLines(outbox).Any(line => line.Length > 0), "the killed instance sent before it died");
        await using var second = await GatewayProcess.StartAsync(tenant, redis.Server.ConnectionString, lender.Address, outbox, settings);
        await WaitUntilAsync(() => File.Exists(outbox) && File.ReadAllLines(outbox).Count(line => line.Length > 0) >= Reminders, TimeSpan.FromSeconds(90), "the second instance to send every reminder\n" + second.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var sent = File.ReadAllLines(outbox).Where(line => line.Length > 0)
            .Select(line => System.Text.Json.JsonSerializer.Deserialize<Gateway.Channels.Outbox.OutboxLine>(line, Gateway.Channels.Outbox.OutboxLine.JsonOptions)!.ReminderId).ToList();
        Assert.Equal(held.Select(d => d.ReminderId).Order(), sent.Order());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < limit, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
