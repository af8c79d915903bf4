using Gateway.Decisions;
using Gateway.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Tenancy;

/// <summary>
/// Authenticates each call by its <c>x-api-key</c> metadata and attaches the tenant to the call.
/// Registered only on the tenant-facing services, so health and reflection stay open.
/// </summary>
internal sealed class TenantAuthInterceptor(TenantDirectory directory, ILogger<TenantAuthInterceptor> logger) : Interceptor
{
    public const string ApiKeyHeader = "x-api-key";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    private void Authenticate(ServerCallContext context)
    {
        var key = context.RequestHeaders.GetValue(ApiKeyHeader);
        if (!directory.TryAuthenticate(key, out var tenant))
        {
            var why = key is null ? "no x-api-key metadata" : "unknown API key";
            AuthLog.Refused(logger, context.Method, why);
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"A valid API key is required in the '{ApiKeyHeader}' metadata ({why})."));
        }

        context.UserState[typeof(Tenant)] = tenant;
    }
}
