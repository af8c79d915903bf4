using System.Net;
using Bench.V1;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Bench.Macro;

/// <summary>
/// The macro benchmark: one real redis-server, one sandbox lender (in this process), and one
/// production gateway process (Gateway.dll, configured by environment variables) with the outbox
/// carrier, all on 127.0.0.1. Every scenario runs against that one gateway, closed loop then open
/// loop, after an unmeasured warm-up; the figures and the invariants are printed and written to
/// bench/results.
/// </summary>
internal static class MacroBench
{
    private const string Tenant = "bench";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = TimeProvider.System.GetUtcNow();
        var loadBefore = Machine.LoadAverage;
        var zone = DaytimeZone.Pick(now);
        var folder = Directory.CreateTempSubdirectory("gateway-bench-").FullName;
        var outbox = Path.Combine(folder, "outbox.jsonl");
        Console.WriteLine($"Starting redis-server, the sandbox lender and Gateway.dll on 127.0.0.1 (recipients in {zone}, where it is daytime now).");

        await using var redis = await RedisServer.StartAsync().ConfigureAwait(false);
        await using var lender = await SandboxLenderServer.StartAsync(FreePort.Next(), new LenderSeed()).ConfigureAwait(false);
        lender.Faults.Set(new FaultSettings(Delay: settings.LenderDelay));
        var pool = new DebtorPool(lender.Ledger, DebtorsNeeded(settings), zone, now);
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Benchmark__EnablePassThrough"] = "true",

            // The instance's background pollers (held-reminder release, the rule store's backstop
            // check) cost a fixed few commands a second, not per decision: off, so that Redis's
            // command counts are the decisions' own. No reminder is held during a run.
            ["Gateway__Deferral__ReleaseEnabled"] = "false",
            ["Gateway__Rules__PollInterval"] = "00:05:00",
            ["DOTNET_gcServer"] = settings.GarbageCollector == "server" ? "1" : "0",
        };
        if (settings.AllocationTrace is { } trace)
        {
            // GC (0x1) at verbose level gives AllocationTick; Loader and JIT (0x8, 0x10) name the methods on its stacks.
            environment["DOTNET_EnableEventPipe"] = "1";
            environment["DOTNET_EventPipeOutputPath"] = trace;
            environment["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x19:5";
        }

        await using var gateway = await GatewayProcess.StartAsync(Tenant, redis.ConnectionString, lender.Address, outbox, environment).ConfigureAwait(false);
        await using var admin = await redis.ConnectAsync().ConfigureAwait(false);
        var redisServer = admin.GetServer(redis.ConnectionString);
        using var http = new HttpClient();

        // Many HTTP/2 connections, as many callers would open: one connection caps concurrent streams at 100.
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            HttpVersion = HttpVersion.Version20,
        });
        var reminders = new ReminderService.ReminderServiceClient(channel);
        var passThrough = new PassThroughService.PassThroughServiceClient(channel);
        var metadata = new Metadata { { "x-api-key", TestTenant.ApiKey } };
        CallOptions Options() => new(metadata, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));

        var scenarios = new Scenario[]
        {
            new("pass-through", phase => () => pool.NextRead(phase), async r => CallOutcome.Of((await passThrough.EchoAsync(new EchoRequest { Reminder = r }, Options()).ConfigureAwait(false)).Decision, sends: false), null),
            new("SendReminder", phase => () => pool.NextSend(phase), async r => CallOutcome.Of((await reminders.SendReminderAsync(new SendReminderRequest { Reminder = r }, Options()).ConfigureAwait(false)).Decision, sends: true), null),
            new("SendReminders stream", phase => () => pool.NextSend(phase), null, () => reminders.SendReminders(new CallOptions(metadata))),
            new("EvaluateReminder", phase => () => pool.NextRead(phase), async r => CallOutcome.Of((await reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = r }, Options()).ConfigureAwait(false)).Decision, sends: false), null),
        };

        if (settings.Scenarios is { } only)
        {
            scenarios = [.. scenarios.Where(scenario => only.Split(',').Contains(scenario.Name, StringComparer.OrdinalIgnoreCase))];
        }

        Task<Snapshot> Take() => Snapshot.TakeAsync(gateway, http, redisServer);
        var warmups = new List<(PhaseFigures, PhaseRecorder)>();
        var measured = new List<(PhaseFigures Figures, PhaseRecorder Recorder)>();
        Console.WriteLine($"Warming up each scenario for {settings.WarmupDuration.TotalSeconds:0} s (not measured).");
        foreach (var scenario in scenarios)
        {
            warmups.Add(await RunClosedAsync(scenario, "warmup", settings.WarmupDuration).ConfigureAwait(false));
        }

        foreach (var scenario in scenarios)
        {
            measured.Add(await RunClosedAsync(scenario, "closed", settings.PhaseDuration).ConfigureAwait(false));
            Console.WriteLine(Report.Line(measured[^1].Figures));
        }

        foreach (var scenario in scenarios)
        {
            measured.Add(await RunOpenAsync(scenario).ConfigureAwait(false));
            Console.WriteLine(Report.Line(measured[^1].Figures));
        }

        if (settings.AllocationTrace is { } tracePath)
        {
            // The runtime completes the trace file only when the process exits on its own.
            await gateway.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            Console.WriteLine($"Allocation trace written to {tracePath}; read it with --alloc-report {tracePath}");
        }

        var checks = Invariants.Check([.. warmups, .. measured], outbox);
        var report = new Report(settings, zone, measured.Select(p => p.Figures).ToList(), checks, pool.SendsTaken, loadBefore);
        var written = report.Write(settings.OutputFolder ?? Path.Combine(RulePresets.RepoRoot, "bench", "results"));
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine($"Written to {string.Join(" and ", written)}");
        Directory.Delete(folder, recursive: true);
        if (!checks.All(check => check.Held))
        {
            // What the gateway itself logged at Warning or above: the reference of an INTERNAL answer is there.
            Console.WriteLine("Gateway log (Warning and above):");
            Console.WriteLine(gateway.Output);
            return 1;
        }

        return 0;

        Task<(PhaseFigures, PhaseRecorder)> RunClosedAsync(Scenario scenario, string loop, TimeSpan duration) =>
            Phase.MeasureAsync(scenario.Name, loop, settings.Concurrency, settings.MaxRequestsPerPhase, Take, recorder => scenario.OpenStream is { } open
                ? StreamLoad.ClosedLoopAsync(scenario.Source(loop), open, settings.Streams, settings.Concurrency / settings.Streams, duration, recorder)
                : LoadGenerator.ClosedLoopAsync(scenario.Source(loop), scenario.Call!, settings.Concurrency, duration, recorder));

        Task<(PhaseFigures, PhaseRecorder)> RunOpenAsync(Scenario scenario) =>
            Phase.MeasureAsync(scenario.Name, "open", settings.OfferedRate, settings.MaxRequestsPerPhase, Take, recorder => scenario.OpenStream is { } open
                ? StreamLoad.OpenLoopAsync(scenario.Source("open"), open, settings.Streams, settings.OfferedRate, settings.PhaseDuration, recorder)
                : LoadGenerator.OpenLoopAsync(scenario.Source("open"), scenario.Call!, settings.OfferedRate, settings.PhaseDuration, recorder));
    }

    /// <summary>One debtor per send: the two sending scenarios, warm-up, closed and open loop, each at its count bound.</summary>
    private static int DebtorsNeeded(BenchSettings settings) =>
        Math.Min(200_000, (2 * 2 * settings.MaxRequestsPerPhase) + (int)(2 * settings.OfferedRate * settings.PhaseDuration.TotalSeconds));
}
