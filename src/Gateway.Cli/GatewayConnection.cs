using Gateway.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Cli;

/// <summary>A gRPC connection to the gateway with the caller's API key on every call.</summary>
internal sealed class GatewayConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public GatewayConnection(CliArguments arguments)
    {
        var address = arguments.Get("address", Environment.GetEnvironmentVariable("GATEWAY_ADDRESS") ?? "http://127.0.0.1:5080");
        var apiKey = arguments.Get("api-key", Environment.GetEnvironmentVariable("GATEWAY_API_KEY") ?? "demo-key");
        _channel = GrpcChannel.ForAddress(address);
        Headers = new Metadata { { "x-api-key", apiKey } };
        Reminders = new ReminderService.ReminderServiceClient(_channel);
    }

    public Metadata Headers { get; }

    public ReminderService.ReminderServiceClient Reminders { get; }

    public CallOptions Call => new(Headers, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10));

    public void Dispose() => _channel.Dispose();
}
