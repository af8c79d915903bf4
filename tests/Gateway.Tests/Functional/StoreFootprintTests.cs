using System.Globalization;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using StackExchange.Redis;

namespace Gateway.Tests.Functional;

/// <summary>What the gateway does to Redis, read from Redis itself: how many round trips a decision costs, and that no contact point is ever stored in clear.</summary>
public sealed class StoreFootprintTests
{
    [Fact]
    public async Task SendReminder_RoundTrips_OneToCheckAndReserveOneToRecord()
    {
        await using var redis = await RedisServer.StartAsync();

        // Neither the release worker nor the rule store's periodic check is part of a decision:
        // both are pushed out of the measurement, so any command counted here is the pipeline's.
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Deferral:ReleaseEnabled"] = "false",
            ["Gateway:Rules:PollInterval"] = "00:05:00",

            // This counts commands, not latency: a loaded machine must not fail a decision closed.
            ["Gateway:Recheck:Timeout"] = "00:00:05",
            ["Gateway:Store:OperationTimeout"] = "00:00:05",
        });
        await using var admin = await redis.ConnectAsync();
        var server = admin.GetServer(redis.ConnectionString);
        var debtors = Enumerable.Range(9001, 20).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();
        await SendAsync(env, debtors[0]);

        // The first batch of the recent-decisions log also sweeps the tenant's list (then once a
        // minute): let it go before counting.
        await env.Gateway.AwaitMetricAsync("gateway_recent_requests_logged_total", 1);
        await server.ExecuteAsync("CONFIG", "RESETSTAT");

        foreach (var debtor in debtors.Skip(1))
        {
            Assert.Equal(Outcome.Sent, (await SendAsync(env, debtor)).Outcome);
        }

        await env.Gateway.AwaitMetricAsync("gateway_recent_requests_logged_total", 20);
        var stats = CommandStats(await server.InfoRawAsync("commandstats") ?? string.Empty);
        var scripts = stats.GetValueOrDefault("evalsha") + stats.GetValueOrDefault("eval");
        Assert.Equal(2 * 19, scripts);

        // After the carrier accepted a text or an email, one batch (SADD and EXPIRE, sent together)
        // remembers under a keyed hash of the address whose debt it was about, so that a STOP reply
        // or an unsubscribe click can be applied later. It lives in the address's own slot, so it
        // cannot join the debtor's scripts: it is the one write outside them, once per sent message.
        Assert.Equal(19, stats.GetValueOrDefault("sadd"));

        // The recent-decisions log (for replaying decisions against a candidate rule set) is
        // written off the hot path: every 100 ms at most, one pipelined LPUSH, LTRIM and EXPIRE
        // per tenant carry every request decided meanwhile, however many.
        var batches = stats.GetValueOrDefault("lpush");
        Assert.InRange(batches, 1, 19);
        Assert.Equal(batches, stats.GetValueOrDefault("ltrim"));
        Assert.Equal(19 + batches, stats.GetValueOrDefault("expire"));

        // Every other command Redis counted ran inside those scripts, or is the client's own
        // housekeeping: no guardrail read or write travelled as a round trip of its own.
        var housekeeping = new[] { "ping", "info", "echo", "client", "cluster", "subscribe", "config", "config|resetstat", "select", "hello" };
        var scriptInternal = new[] { "hmget", "hexists", "hgetall", "hdel", "incr", "zcount", "zrangebyscore", "zremrangebyscore", "zadd", "pexpire", "hset", "zrem", "set", "hget", "del" };
        Assert.Empty(stats.Keys.Except(housekeeping).Except(scriptInternal).Except(["evalsha", "eval", "sadd", "expire", "lpush", "ltrim"]));
    }

    [Fact]
    public async Task Store_AfterTraffic_NoPhoneNumberOrEmailInAnyKeyOrValue()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString);
        var debtors = Enumerable.Range(9101, 5).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();
        foreach (var debtor in debtors)
        {
            await SendAsync(env, debtor);
            await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor.DebtorId, debtor.DebtId, debtor.Phone) }, GatewayTestHost.Authorized());
            await env.Gateway.Consent.RevokeConsentAsync(new RevokeConsentRequest { Subject = new ConsentSubject { DebtorId = debtor.DebtorId, Channel = Channel.Sms, ContactPoint = debtor.Phone } }, GatewayTestHost.Authorized());
        }

        // The recent-decisions log keeps each request, sealed: wait until all ten are written.
        await env.Gateway.AwaitMetricAsync("gateway_recent_requests_logged_total", 10);
        await using var admin = await redis.ConnectAsync();
        var db = admin.GetDatabase();
        var dump = new List<string>();
        await foreach (var key in admin.GetServer(redis.ConnectionString).KeysAsync(pattern: "*"))
        {
            dump.Add(key!);
            var type = await db.KeyTypeAsync(key);
            dump.AddRange(type switch
            {
                RedisType.String => [(string)(await db.StringGetAsync(key))!],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(entry => new[] { (string)entry.Name!, (string)entry.Value! }),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(member => (string)member!),
                RedisType.List => (await db.ListRangeAsync(key)).Select(entry => (string)entry!),
                _ => [],
            });
        }

        Assert.NotEmpty(dump);
        Assert.Contains($"gw:recent:{{{env.Gateway.TenantId}}}", dump);
        foreach (var debtor in debtors)
        {
            foreach (var secret in new[] { debtor.Phone, debtor.Phone[1..], debtor.Phone[2..], debtor.Email, debtor.Email.Split('@')[0] })
            {
                Assert.DoesNotContain(dump, entry => entry.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    private static async Task<Decision> SendAsync(TestEnvironment env, (string DebtorId, string DebtId, string Phone, string Email) debtor) =>
        (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email) }, GatewayTestHost.Authorized())).Decision;

    private static Dictionary<string, long> CommandStats(string info) =>
        info.Split('\n')
            .Where(line => line.StartsWith("cmdstat_", StringComparison.Ordinal))
            .Select(line => (Name: line[8..line.IndexOf(':', StringComparison.Ordinal)], Calls: line.Split("calls=")[1].Split(',')[0]))
            .ToDictionary(entry => entry.Name, entry => long.Parse(entry.Calls, CultureInfo.InvariantCulture));
}
