using System.Net;
using System.Net.Http.Json;
using Bench.V1;
using Gateway.Hosting;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>The benchmark's pass-through baseline: absent unless switched on, and when on, it answers without touching a guardrail.</summary>
[Collection(RedisTests.Name)]
public sealed class PassThroughTests(RedisFixture redis)
{
    [Fact]
    public async Task PassThrough_ByDefault_NotMapped()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var client = new PassThroughService.PassThroughServiceClient(env.Gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.EchoAsync(new EchoRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        using var http = new HttpClient { BaseAddress = env.Gateway.HttpAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/bench/process", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PassThrough_Enabled_EchoesSentWithoutGuardrailsAndServesProcessStats()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Benchmark:EnablePassThrough"] = "true" });
        var client = new PassThroughService.PassThroughServiceClient(env.Gateway.Channel);
        var reminder = TestReminders.OverdueSms(debtorId: "D-NOBODY", debtId: "L-NOBODY");

        var decision = (await client.EchoAsync(new EchoRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Equal(reminder.IdempotencyKey, decision.IdempotencyKey);
        Assert.Equal("D-NOBODY", decision.DebtorId);
        Assert.Empty(decision.Verdicts);
        Assert.Empty(env.Gateway.ReadOutbox());
        Assert.Equal(0, env.Lender.Faults.Calls);

        using var http = new HttpClient { BaseAddress = env.Gateway.HttpAddress };
        var stats = await http.GetFromJsonAsync<BenchmarkProcessStats>(new Uri("/bench/process", UriKind.Relative));
        Assert.True(stats!.AllocatedBytes > 0);
        Assert.True(stats.CpuSeconds > 0);
    }
}
