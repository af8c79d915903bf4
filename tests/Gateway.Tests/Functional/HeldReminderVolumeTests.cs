using Gateway.Tests.Infrastructure;
using Grpc.Core;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>Ten thousand held reminders released on time, each exactly once, checked from the carrier's side.</summary>
public sealed class HeldReminderVolumeTests
{
    private const int Count = 10_000;

    [Fact]
    public async Task TenThousandHeldReminders_ReleasedOnTimeEachOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        var night = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
        var opening = new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(night);
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Gateway:Deferral:Concurrency"] = "64",
            ["Gateway:Deferral:BatchSize"] = "500",
            ["Gateway:Recheck:Timeout"] = "00:00:10",
            ["Gateway:Recheck:BreakerMinimumThroughput"] = "100000",
            ["Gateway:Store:OperationTimeout"] = "00:00:10",
        });
        var debtors = Enumerable.Range(10_000, Count).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();

        // Hold them all at night through the bulk stream.
        using var call = env.Gateway.Reminders.SendReminders(GatewayTestHost.Authorized(TimeSpan.FromMinutes(5)));
        var reading = Task.Run(async () => await call.ResponseStream.ReadAllAsync().ToListAsync());
        foreach (var (debtorId, debtId, _, email) in debtors)
        {
            var reminder = TestReminders.OverdueEmail(debtorId, debtId, email).Deferrable(night.AddDays(1));
            reminder.RecipientTimeZone = "America/New_York";
            await call.RequestStream.WriteAsync(new SendRemindersRequest { Reminder = reminder });
        }

        await call.RequestStream.CompleteAsync();
        var held = await reading;
        Assert.Equal(Count, held.Count(r => r.Decision is { Outcome: Outcome.Deferred, Held: true } && r.Decision.NotBefore.ToDateTimeOffset() == opening));
        await Task.Delay(500);
        Assert.Empty(env.Gateway.ReadOutbox());

        clock.SetUtcNow(opening);
        await AwaitOutboxAsync(env.Gateway.OutboxPath, clock);

        await Task.Delay(1000);
        var sent = env.Gateway.ReadOutbox();
        Assert.Equal(Count, sent.Count);
        Assert.Equal(held.Select(r => r.Decision.ReminderId).Order(), sent.Select(line => line.ReminderId).Order());
        Assert.All(sent, line => Assert.InRange(line.AcceptedAt, opening, clock.GetUtcNow()));
    }

    /// <summary>
    /// Waits (bounded) until every reminder reached the outbox. A release that fails on a loaded
    /// machine (a store call or the recheck past its 10 s) is left claimed until its lease ends, on
    /// the business clock; frozen at the opening, that clock would never end it, and the reminder
    /// would wait for ever, silently (the retry is logged at Information). So when nothing new has
    /// been sent for a while, the clock moves on by a lease, as real time would; a reminder then goes
    /// a lease late, still once. Unloaded, the clock never moves and every line is at the opening.
    /// </summary>
    private static async Task AwaitOutboxAsync(string outboxPath, FakeTimeProvider clock)
    {
        var lease = new Gateway.Deferral.DeferralOptions().ClaimLease;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var stalled = System.Diagnostics.Stopwatch.StartNew();
        var seen = 0;
        while (seen < Count && waited.Elapsed < TimeSpan.FromMinutes(4))
        {
            await Task.Delay(500);
            var lines = LineCount(outboxPath);
            if (lines > seen)
            {
                seen = lines;
                stalled.Restart();
            }
            else if (stalled.Elapsed > TimeSpan.FromSeconds(15))
            {
                clock.Advance(lease + TimeSpan.FromSeconds(1));
                stalled.Restart();
            }
        }
    }

    private static int LineCount(string path) => File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
