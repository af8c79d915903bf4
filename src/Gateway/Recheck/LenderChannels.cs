using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Gateway.Recheck;

/// <summary>One long-lived gRPC channel per lender endpoint, shared by every request to that lender.</summary>
internal sealed class LenderChannels(IOptions<RecheckOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public GrpcChannel For(Uri address) => _channels.GetOrAdd(address, static (uri, timeout) => GrpcChannel.ForAddress(uri, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            // A lender that cannot even be connected to within the recheck budget is down.
            ConnectTimeout = timeout,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        },
        // The gateway never retries a recheck inside one decision: a late answer is no answer.
        MaxRetryAttempts = 0,
    }), options.Value.Timeout);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _channels.Clear();
    }
}
