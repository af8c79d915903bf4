using System.Net;
using Gateway.Hosting;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Health.V1;

namespace Gateway.Tests.Deploy;

/// <summary>
/// SIGTERM to the production binary while a bounded burst of decisions is in flight (each held in
/// the lender's recheck for longer than the readiness delay): readiness goes NOT_SERVING while the
/// process still runs, requests that arrive in the readiness delay are still taken, every accepted
/// request is answered with its decision, and the process exits within the drain.
/// </summary>
public sealed class ShutdownDrainTests
{
    private const int Burst = 24;
    private const int Late = 6;
    private static readonly TimeSpan LenderDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ReadinessDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_DuringABurst_GoesNotReadyFirst_AndAnswersEveryAcceptedRequest()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var lender = await SandboxLenderServer.StartAsync(FreePort.Next(), TestSeed.Create());
        var debtors = Enumerable.Range(0, Burst + Late).Select(i => TestSeed.AddDueDebtor(lender.Ledger, 7100 + i)).ToList();
        var outbox = Path.Combine(Directory.CreateTempSubdirectory("gateway-drain-").FullName, "outbox.jsonl");
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string>
        {
            ["Gateway__Drain__ReadinessDelay"] = ReadinessDelay.ToString(),
            ["Gateway__Drain__Timeout"] = DrainTimeout.ToString(),
            ["Gateway__Recheck__Timeout"] = "00:00:08",
            ["Gateway__Store__OperationTimeout"] = "00:00:05",
            ["Logging__LogLevel__Gateway.Hosting"] = "Information",
        };
        await using var gateway = await GatewayProcess.StartAsync(tenant, redis.ConnectionString, lender.Address, outbox, settings);
        using var probe = new HealthProbe(gateway.HttpAddress, gateway.GrpcAddress);
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.ReadyPath));

        // Every request of the burst reaches the lender (two calls each) before SIGTERM: accepted,
        // and in flight for LenderDelay, past the readiness delay, so the listeners close under them.
        lender.Faults.Set(new FaultSettings(Delay: LenderDelay));
        var zone = DaytimeZone.Now();
        Task<SendReminderResponse> Send((string DebtorId, string DebtId, string Phone, string Email) debtor)
        {
            var reminder = TestReminders.OverdueEmail(debtor.DebtorId, debtor.DebtId, debtor.Email);
            reminder.RecipientTimeZone = zone;
            return gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized(TimeSpan.FromSeconds(30))).ResponseAsync;
        }

        var calls = debtors.Take(Burst).Select(Send).ToList();
        Assert.True(await HealthProbe.EventuallyAsync(() => Task.FromResult(lender.Faults.Calls >= 2 * Burst), TimeSpan.FromSeconds(10)), $"only {lender.Faults.Calls} lender calls arrived");

        var stopped = gateway.StopAsync(ReadinessDelay + DrainTimeout + TimeSpan.FromSeconds(10));
        HttpStatusCode? ready = HttpStatusCode.OK;
        HealthCheckResponse.Types.ServingStatus? grpc = HealthCheckResponse.Types.ServingStatus.Serving;
        var notReadyWhileRunning = await HealthProbe.EventuallyAsync(
            async () =>
            {
                ready = await probe.GetAsync(HealthEndpoints.ReadyPath);
                grpc = await probe.GrpcAsync(ReminderService.Descriptor.FullName);
                return ready == HttpStatusCode.ServiceUnavailable && grpc == HealthCheckResponse.Types.ServingStatus.NotServing && !stopped.IsCompleted;
            },
            ReadinessDelay);
        Assert.True(notReadyWhileRunning, $"readiness before exit: /readyz {ready?.ToString() ?? "no answer"}, gRPC {grpc?.ToString() ?? "no answer"}\n{gateway.Output}");
        Assert.Equal(HttpStatusCode.OK, await probe.GetAsync(HealthEndpoints.LivePath));

        // Not ready, not yet closed: whoever has not seen it go still gets an answer.
        calls.AddRange(debtors.Skip(Burst).Select(Send));

        var decisions = (await Task.WhenAll(calls)).Select(response => response.Decision).ToList();
        await stopped;

        Assert.Equal(Burst + Late, decisions.Count(decision => decision.Outcome == Outcome.Sent));
        Assert.Equal(Burst + Late, File.ReadAllLines(outbox).Count(line => line.Length > 0));
        Assert.Contains("Stopping: not ready now", gateway.Output, StringComparison.Ordinal);
        Assert.Null(await probe.GetAsync(HealthEndpoints.LivePath));
        Assert.DoesNotContain("fail:", gateway.Output, StringComparison.Ordinal);
    }
}
