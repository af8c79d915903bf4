using System.Collections.Frozen;
using Gateway.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Gateway.Tenancy;

/// <summary>
/// Lets only administrators reach <c>ComplianceAdminService</c>: a key listed under
/// <c>Gateway:Admin:ApiKeySha256</c>. A lender's sending key is known but has no right here
/// (PERMISSION_DENIED); no key or an unknown one is UNAUTHENTICATED. Registered on the admin
/// service only; the admin service has unary calls only.
/// </summary>
internal sealed class AdminAuthInterceptor(IOptions<AdminOptions> options, TenantDirectory senders, ILogger<AdminAuthInterceptor> logger) : Interceptor
{
    private readonly FrozenSet<string> _adminDigests = options.Value.ApiKeySha256.ToFrozenSet(StringComparer.Ordinal);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var key = context.RequestHeaders.GetValue(TenantAuthInterceptor.ApiKeyHeader);
        if (!string.IsNullOrEmpty(key) && key.Length <= 256 && _adminDigests.Contains(TenantDirectory.Digest(key)))
        {
            return continuation(request, context);
        }

        if (senders.TryAuthenticate(key, out _))
        {
            AuthLog.Refused(logger, context.Method, "a sender's key on the admin service");
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This API key may send reminders but not change the rule set; use an administrator key."));
        }

        var why = key is null ? "no x-api-key metadata" : "unknown API key";
        AuthLog.Refused(logger, context.Method, why);
        throw new RpcException(new Status(StatusCode.Unauthenticated, $"An administrator API key is required in the '{TenantAuthInterceptor.ApiKeyHeader}' metadata ({why})."));
    }
}
