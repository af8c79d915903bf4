using System.Diagnostics;
using System.Text;
using Gateway.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The production gateway binary (Gateway.dll) in a process of its own, configured through
/// environment variables as a deployment would configure it, on free loopback ports. The
/// benchmark (bench/Gateway.Bench) compiles this file too, so it measures the same start-up.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly GrpcChannel _channel;

    private GatewayProcess(Process process, int grpcPort, int httpPort)
    {
        _process = process;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _channel = GrpcChannel.ForAddress(GrpcAddress);
        Reminders = new ReminderService.ReminderServiceClient(_channel);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ReminderService.ReminderServiceClient Reminders { get; }

    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 port: /metrics, /healthz.</summary>
    public Uri HttpAddress { get; }

    /// <summary>CPU time the gateway process has used so far (user and system, from /proc on Linux).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="settings">More environment variables, or replacements for the defaults below.</param>
    public static async Task<GatewayProcess> StartAsync(string tenantId, string storeConnectionString, Uri lenderAddress, string outboxPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        // Another process's gateway cannot hand back ports it picked itself (port 0), so the ports
        // are picked here; one can be taken before the gateway binds it, and the gateway then
        // exits at once, saying so: fresh ports are tried a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(tenantId, storeConnectionString, lenderAddress, outboxPath, settings);
            }
            catch (PortTakenException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task<GatewayProcess> TryStartAsync(string tenantId, string storeConnectionString, Uri lenderAddress, string outboxPath, IReadOnlyDictionary<string, string>? settings)
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.dll"));
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel__Endpoints__Http__Protocols"] = "Http1",
            ["Gateway__RuleSetPath"] = "rules/us-regf.json",
            ["Gateway__Rules__Namespace"] = tenantId,
            ["Gateway__ContactHashKey"] = "test-contact-hash-key-0123456789abcdef",
            [$"Gateway__Tenants__{tenantId}__ApiKeySha256__0"] = TestTenant.ApiKeyDigest,
            [$"Gateway__Tenants__{tenantId}__LenderName"] = TestTenant.LenderName,
            [$"Gateway__Tenants__{tenantId}__LenderAddress"] = lenderAddress.ToString(),
            ["Gateway__Store__ConnectionString"] = storeConnectionString,
            ["Gateway__Carriers__OutboxPath"] = outboxPath,
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var gateway = new GatewayProcess(Process.Start(start)!, grpcPort, httpPort);
        try
        {
            await gateway.WaitUntilServingAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(_channel);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                // Waiting for exit once more drains the output, where Kestrel says why it stopped.
                await _process.WaitForExitAsync();
                throw Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException("A port was taken before the gateway process could bind it:\n" + Output)
                    : new InvalidOperationException($"The gateway process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var status = await health.CheckAsync(new HealthCheckRequest(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2));
                if (status.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The gateway process did not become healthy within 30 s:\n" + Output);
    }

    /// <summary>Asks the gateway to stop (SIGTERM) and waits until it has, as an orchestrator stops it: shutdown hooks and trace files complete.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var waited = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(waited.Token);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
