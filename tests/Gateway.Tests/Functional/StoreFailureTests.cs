using System.Diagnostics;
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
        await using var env = await TestEnvironment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Store:OperationTimeout"] = "00:00:00.300" });
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
