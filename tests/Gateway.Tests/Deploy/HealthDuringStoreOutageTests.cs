using System.Net;
using Gateway.Hosting;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Grpc.Health.V1;

namespace Gateway.Tests.Deploy;

/// <summary>
/// The production binary with a real redis-server that the test kills: liveness is the process
/// alone and stays healthy, readiness (HTTP and gRPC) fails while the store is down and comes
/// back by itself when it returns, without a restart.
/// </summary>
public sealed class HealthDuringStoreOutageTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RedisDown_LivezStaysHealthy_ReadyzAndGrpcHealthFail_ThenRecover()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var lender = await SandboxLenderServer.StartAsync(FreePort.Next(), TestSeed.Create());
        var outbox = Path.Combine(Directory.CreateTempSubdirectory("gateway-health-").FullName, "outbox.jsonl");
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        await using var gateway = await GatewayProcess.StartAsync(tenant, redis.ConnectionString, lender.Address, outbox);
        using var probe = new HealthProbe(gateway.HttpAddress, gateway.GrpcAddress);

        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.LivePath));
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.ReadyPath));
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.AllPath));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await probe.GrpcAsync(Gateway.V1.ReminderService.Descriptor.FullName));

        await redis.KillAsync();
        Assert.True(
            await HealthProbe.EventuallyAsync(async () => await probe.GetAsync(HealthEndpoints.ReadyPath) == HttpStatusCode.ServiceUnavailable, Within),
            "/readyz did not fail with the store down:\n" + gateway.Output);
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.LivePath));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await probe.GetAsync(HealthEndpoints.AllPath));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await probe.GrpcAsync());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await probe.GrpcAsync(Gateway.V1.ReminderService.Descriptor.FullName));

        // Still alive a while later: a liveness probe on it would not restart the pod.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.LivePath));

        await redis.RestartAsync();
        Assert.True(
            await HealthProbe.EventuallyAsync(async () => await probe.GetAsync(HealthEndpoints.ReadyPath) == HttpStatusCode.OK, Within),
            "/readyz did not recover with the store back:\n" + gateway.Output);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await probe.GrpcAsync());
        Assert.DoesNotContain("fail:", gateway.Output, StringComparison.Ordinal);
    }
}
