using System.Diagnostics;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>The store killed during traffic: nothing is sent while it is down, every caller gets a clear answer, and traffic resumes when it is back.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task SendReminder_RedisKilledDuringTraffic_NothingSentClearStatusThenRecovers()
    {
        await using var redis = await RedisServer.StartAsync();
        // This test is about the store: the lender's first answers, ten at once to a lender just
        // started, may take longer than the 800 ms default on a loaded machine, and must not turn
        // the sends before the kill into RECHECK_UNAVAILABLE (nor open the recheck breaker).
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Store:OperationTimeout"] = "00:00:00.300",
            ["Gateway:Recheck:Timeout"] = "00:00:05",
        });
        env.Gateway.ExpectedError = error => error.Contains("[1003]", StringComparison.Ordinal) || error.Contains("[1005]", StringComparison.Ordinal);
        var debtors = Enumerable.Range(8001, 40).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();

        var before = await Task.WhenAll(debtors.Take(10).Select(d => SendAsync(env, TestReminders.OverdueEmail(d.DebtorId, d.DebtId, d.Email))));
        Assert.All(before, outcome => Assert.Equal("sent", outcome));
        var sentBefore = env.Gateway.ReadOutbox().Count;

        await redis.KillAsync();
        var whileDown = await Task.WhenAll(debtors.Skip(10).Take(20).Select((d, i) =>
        {
            var reminder = TestReminders.OverdueEmail(d.DebtorId, d.DebtId, d.Email);
            return SendAsync(env, i % 2 == 0 ? reminder : reminder.Deferrable(env.Clock.GetUtcNow().AddHours(1)));
        }));

        Assert.Equal(sentBefore, env.Gateway.ReadOutbox().Count);
        Assert.All(whileDown.Where((_, i) => i % 2 == 0), outcome => Assert.Equal("unavailable:STORE_UNAVAILABLE", outcome));
        Assert.All(whileDown.Where((_, i) => i % 2 == 1), outcome => Assert.Equal("deferred:StoreUnavailable", outcome));

        await redis.RestartAsync();
        var recovered = Stopwatch.StartNew();
        var remaining = debtors.Skip(30).ToList();
        string outcome = string.Empty;
        while (recovered.Elapsed < TimeSpan.FromSeconds(30) && remaining.Count > 0)
        {
            var d = remaining[0];
            outcome = await SendAsync(env, TestReminders.OverdueEmail(d.DebtorId, d.DebtId, d.Email));
            if (outcome == "sent")
            {
                break;
            }

            remaining.RemoveAt(0);
            await Task.Delay(250);
        }

        Assert.Equal("sent", outcome);
        Assert.Equal(sentBefore + 1, env.Gateway.ReadOutbox().Count);
    }

    [Fact]
    public async Task SendReminder_RedisSlowerThanItsBudget_NothingSentThenResumes()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Store:OperationTimeout"] = "00:00:00.200" });
        env.Gateway.ExpectedError = error => error.Contains("[1003]", StringComparison.Ordinal) || error.Contains("[1005]", StringComparison.Ordinal);
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 8501);
        await using var admin = await redis.ConnectAsync();

        // Redis holds every client's commands for 1.5 s: alive, but far slower than the 200 ms budget.
        // Had the gateway waited out the pause, the reservation would have gone through and the
        // reminder been sent: the refusal itself shows it gave up at its budget.
        await admin.GetServer(redis.ConnectionString).ExecuteAsync("CLIENT", "PAUSE", "1500", "ALL");
        var whilePaused = await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email));

        Assert.Equal("unavailable:STORE_UNAVAILABLE", whilePaused);
        Assert.Empty(env.Gateway.ReadOutbox());
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        Assert.Equal("sent", await SendAsync(env, TestReminders.OverdueEmail(debtor, debt, email)));
        Assert.Single(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_StoreCrashesAfterTheCarrierTookIt_RecordWrittenOnRecoverySoARetryIsNotSentTwice()
    {
        // Redis writes every command to its append-only file before answering, so a crash loses
        // nothing it acknowledged: the reservation survives, the record the gateway could not
        // send before the crash does not, unless the gateway writes it again.
        await using var redis = await RedisServer.StartAsync(FreePort.Next(), "--appendonly", "yes", "--appendfsync", "always");
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Store:OperationTimeout"] = "00:00:00.300",
            ["Gateway:Recheck:Timeout"] = "00:00:05",
        });

        // The sender index, written after the send too, fails as well (its own error log).
        env.Gateway.ExpectedError = error => error.Contains("[1409]", StringComparison.Ordinal);
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 8601);
        var reminder = TestReminders.OverdueEmail(debtor, debt, email);

        // The lender takes 800 ms to answer; Redis is killed meanwhile. The reservation is taken,
        // the carrier takes the message, and the record then finds no store.
        env.Lender.Faults.Set(new FaultSettings(Delay: TimeSpan.FromMilliseconds(800)));
        var sending = env.Gateway.SendAsync(reminder);
        await Task.Delay(300);
        await redis.KillAsync();
        var sent = await sending;
        env.Lender.Faults.Clear();
        var unwrittenWhileDown = await MetricAsync(env, "gateway_unwritten_records");
        await redis.RestartAsync();
        var written = await AwaitMetricAsync(env, "gateway_unwritten_records_settled_total{result=\"written\"}", 1);

        // Past the reservation's 2-minute lease: the record, not the lapsed lease, now decides.
        env.Clock.Advance(TimeSpan.FromMinutes(3));
        var retried = await env.Gateway.SendAsync(reminder);
        var stored = (await env.Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtor, ReminderId = sent.ReminderId }, GatewayTestHost.Authorized())).Decision;
        var history = await env.Gateway.Reminders.ListDecisionsAsync(new ListDecisionsRequest { DebtorId = debtor }, GatewayTestHost.Authorized());
        var next = await env.Gateway.EvaluateAsync(TestReminders.OverdueEmail(debtor, debt, email));

        Assert.Equal(Outcome.Sent, sent.Outcome);
        Assert.Equal(1, unwrittenWhileDown);
        Assert.Equal(1, written);
        Assert.Equal(Outcome.Sent, stored.Outcome);
        Assert.True(retried.Replayed, retried.ToString());
        Assert.Equal(sent.ReminderId, retried.ReminderId);
        Assert.Single(env.Gateway.ReadOutbox());
        Assert.Equal(sent.ReminderId, Assert.Single(history.Records).Decision.ReminderId);
        Assert.Contains(next.Verdicts, verdict => verdict.Rule.StartsWith("cap:", StringComparison.Ordinal) && verdict.Detail.StartsWith("1 of", StringComparison.Ordinal));
    }

    private static async Task<double?> MetricAsync(TestEnvironment env, string series)
    {
        var line = (await env.Gateway.ScrapeMetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double?> AwaitMetricAsync(TestEnvironment env, string series, double expected)
    {
        var waited = Stopwatch.StartNew();
        double? value;
        do
        {
            value = await MetricAsync(env, series);
            if (value == expected)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(15));
        return value;
    }

    private static async Task<string> SendAsync(TestEnvironment env, Reminder reminder)
    {
        try
        {
            var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;
            return decision.Outcome switch
            {
                Outcome.Sent => "sent",
                Outcome.Deferred => "deferred:" + string.Join(",", decision.Reasons),
                _ => decision.Outcome + ":" + string.Join(",", decision.Reasons),
            };
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            return "unavailable:" + ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
        }
    }
}
