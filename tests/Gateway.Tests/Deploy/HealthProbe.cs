using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Gateway.Tests.Deploy;

/// <summary>Asks a running gateway's health endpoints what an orchestrator would ask: HTTP status codes and gRPC serving status, or "no answer".</summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _http;
    private readonly GrpcChannel _channel;
    private readonly Health.HealthClient _health;

    public HealthProbe(Uri httpAddress, Uri grpcAddress)
    {
        _http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(3) };
        _channel = GrpcChannel.ForAddress(grpcAddress);
        _health = new Health.HealthClient(_channel);
    }

    /// <summary>The status code of GET <paramref name="path"/>, or null when nothing answered.</summary>
    public async Task<HttpStatusCode?> GetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>gRPC health of <paramref name="service"/> ("" for the server), or null when nothing answered.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus?> GrpcAsync(string service = "")
    {
        try
        {
            var response = await _health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(3));
            return response.Status;
        }
        catch (Grpc.Core.RpcException)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds, at most <paramref name="within"/>; false if it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < within)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public void Dispose()
    {
        _http.Dispose();
        _channel.Dispose();
    }
}
