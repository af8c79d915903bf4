using Grpc.Core;

using Gateway.Decisions;

namespace Gateway.Tenancy;

/// <summary>Reads the tenant that <see cref="TenantAuthInterceptor"/> attached to a call.</summary>
internal static class ServerCallContextExtensions
{
    public static Tenant GetTenant(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(Tenant), out var tenant) && tenant is Tenant value
            ? value
            : throw new InvalidOperationException("The call reached a tenant service without passing TenantAuthInterceptor.");
}
