using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// The recheck fails closed against a real lender on loopback that misbehaves in every way the
/// issue names: whatever the fault, nothing reaches the outbox.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class LenderFaultTests(RedisFixture redis)
{
    private static readonly Dictionary<string, string?> ShortDeadline = new() { ["Gateway:Recheck:Timeout"] = "00:00:00.200" };

    public static TheoryData<string> Faults => ["slow", "down", "unavailable", "internal", "malformed"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendReminder_LenderFault_UnavailableWithActionableReasonAndNothingSent(string fault)
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: ShortDeadline);
        await InjectAsync(env.Lender, fault);

        var error = await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("RECHECK_UNAVAILABLE", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.NotNull(error.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendReminder_LenderFaultAndDeferralAllowed_DeferredNamingTheFaultAndNothingSent(string fault)
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: ShortDeadline);
        await InjectAsync(env.Lender, fault);

        var decision = await env.Gateway.SendAsync(TestReminders.OverdueSms().Deferrable(env.Clock.GetUtcNow().AddHours(1)));

        Assert.Equal(Outcome.Deferred, decision.Outcome);
        Assert.Contains(ReasonCode.RecheckUnavailable, decision.Reasons);
        Assert.Equal(env.Clock.GetUtcNow().AddMinutes(5), decision.NotBefore.ToDateTimeOffset());
        var recheck = decision.Verdicts.Where(v => v.Rule.StartsWith("recheck.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, recheck.Count);
        Assert.All(recheck, v => Assert.Equal(Verdict.Unavailable, v.Verdict));
        Assert.Contains(recheck, v => v.Detail.Contains(ExpectedDetail(fault), StringComparison.Ordinal));
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_LenderFlapping_OnlyAnsweredRechecksSend()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var debtors = Enumerable.Range(8101, 6).Select(n => TestSeed.AddDueDebtor(env.Lender.Ledger, n)).ToList();

        var outcomes = new List<Outcome>();
        for (var i = 0; i < debtors.Count; i++)
        {
            // Every other recheck meets a failing lender: up, down, up, down...
            env.Lender.Faults.Set(i % 2 == 0 ? FaultSettings.None : new FaultSettings(FailWith: StatusCode.Unavailable));
            var (debtor, debt, phone, _) = debtors[i];
            var decision = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone).Deferrable(env.Clock.GetUtcNow().AddHours(1)));
            outcomes.Add(decision.Outcome);
        }

        Assert.Equal([Outcome.Sent, Outcome.Deferred, Outcome.Sent, Outcome.Deferred, Outcome.Sent, Outcome.Deferred], outcomes);
        Assert.Equal(debtors.Where((_, i) => i % 2 == 0).Select(d => d.Phone), env.Gateway.ReadOutbox().Select(line => line.To));
        Assert.Equal(0, await env.Gateway.CircuitStateAsync());
    }

    private static async Task InjectAsync(SandboxLenderServer lender, string fault)
    {
        switch (fault)
        {
            case "slow": lender.Faults.Set(new FaultSettings(Delay: TimeSpan.FromSeconds(2))); break;
            case "down": await lender.StopAsync(); break;
            case "unavailable": lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Unavailable)); break;
            case "internal": lender.Faults.Set(new FaultSettings(FailWith: StatusCode.Internal)); break;
            case "malformed": lender.Faults.Set(new FaultSettings(Malformed: true)); break;
            default: throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
        }
    }

    private static string ExpectedDetail(string fault) => fault switch
    {
        "slow" => "no answer before the deadline",
        "down" => "the lender answered Unavailable",
        "unavailable" => "the lender answered Unavailable",
        "internal" => "the lender answered Internal",
        _ => "unknown",
    };
}
