using System.Diagnostics;
using System.Text;
using Gateway.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The production gateway binary (Gateway.dll) in a process of its own, configured through
/// environment variables as a deployment would configure it, on free loopback ports.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly GrpcChannel _channel;

    private GatewayProcess(Process process, int grpcPort)
    {
        _process = process;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        Reminders = new ReminderService.ReminderServiceClient(_channel);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ReminderService.ReminderServiceClient Reminders { get; }

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

    public static async Task<GatewayProcess> StartAsync(string tenantId, string storeConnectionString, Uri lenderAddress, string outboxPath)
    {
        var grpcPort = FreePort.Next();
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
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var gateway = new GatewayProcess(Process.Start(start)!, grpcPort);
        await gateway.WaitUntilServingAsync();
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
                throw new InvalidOperationException($"The gateway process exited with {_process.ExitCode}:\n{Output}");
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
