using Gateway.V1;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Gateway.Hosting;

/// <summary>
/// The health an orchestrator uses, on the HTTP/1.1 listener beside /metrics. Liveness is the
/// process alone: a Redis outage makes the gateway refuse to send, which a restart would not
/// mend. Readiness is what it needs to decide: the store, the rule set, and not stopping. gRPC
/// health answers readiness, for the whole server ("") and for each public service.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/livez";
    public const string ReadyPath = "/readyz";
    public const string AllPath = "/healthz";

    /// <summary>The tag of every check readiness depends on.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The gRPC services whose health is reported by name, beside the server's ("").</summary>
    public static readonly string[] GrpcServices =
    [
        ReminderService.Descriptor.FullName,
        ConsentService.Descriptor.FullName,
        ContactHistoryService.Descriptor.FullName,
        ReviewService.Descriptor.FullName,
        ComplianceAdminService.Descriptor.FullName,
    ];

    public static IServiceCollection AddGatewayHealth(this IServiceCollection services)
    {
        services.AddSingleton<DrainState>();

        // The health check service logs an Error for every unhealthy probe: one a readiness period
        // through a whole store outage, and one at every stop. The probes themselves say it, and
        // the store's failures are logged and counted where they happen (gateway_store_failures_total).
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical));
        services.AddGrpcHealthChecks()
            .AddCheck<Store.StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<RuleSets.RuleSetHealthCheck>("rules", tags: [ReadyTag])
            .AddCheck<DrainHealthCheck>("drain", tags: [ReadyTag]);
        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            options.Services.Clear();
            foreach (var service in GrpcServices.Prepend(string.Empty))
            {
                options.Services.Map(service, check => check.Tags.Contains(ReadyTag));
            }
        });
        return services;
    }

    public static void MapGatewayHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });

        // Every check, as before /livez and /readyz existed, for whoever still polls it.
        app.MapHealthChecks(AllPath);
    }
}
