using Gateway.Observability;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Api;

/// <summary>
/// The last line: an exception no code path turned into an answer (a bug) becomes INTERNAL with an
/// <c>ErrorInfo</c> and a reference that also appears in the Error log, never a bare UNKNOWN.
/// Cancellation by the caller passes through untouched.
/// </summary>
internal sealed class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex, context))
        {
            throw Internal(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex, context))
        {
            throw Internal(ex, context);
        }
    }

    private static bool IsUnexpected(Exception exception, ServerCallContext context) =>
        exception is not RpcException && !(exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    private RpcException Internal(Exception exception, ServerCallContext context)
    {
        var reference = Guid.NewGuid().ToString("N")[..12];
        ApiLog.Unexpected(logger, context.Method, reference, exception);
        return new Google.Rpc.Status
        {
            Code = (int)Code.Internal,
            Message = $"The gateway failed unexpectedly (reference {reference}). A decision it reached is recorded: read it with GetDecision before sending again with the same idempotency key.",
            Details = { Any.Pack(new ErrorInfo { Domain = RpcErrors.Domain, Reason = "INTERNAL_ERROR", Metadata = { ["reference"] = reference } }) },
        }.ToRpcException();
    }
}
