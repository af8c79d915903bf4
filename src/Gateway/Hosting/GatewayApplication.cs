using Gateway.Api;
using Gateway.Channels.Smtp;
using Gateway.Channels.Twilio;
using Gateway.Observability;
using Gateway.RuleSets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Prometheus;

namespace Gateway.Hosting;

/// <summary>
/// Builds the gateway. The production entry point, the sandbox (<c>make run</c>), the tests and the
/// benchmarks all start it through here, so they run the same composition.
/// </summary>
public static class GatewayApplication
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddGateway(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the app and maps its endpoints. Throws, naming every bad key or rule, if the configuration or rule set is invalid.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();

        // Resolve what start-up must prove before the first request: valid options and rule set.
        // The store connection is made here too, not lazily under the first burst of requests,
        // where its synchronous connect would hold thread-pool threads the burst needs.
        var rules = app.Services.GetRequiredService<RuleSetProvider>().Current;
        app.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();

        // Each lender's circuit breaker is built now, so its state is on /metrics before any traffic.
        app.Services.GetRequiredService<Recheck.LenderResilience>();

        // The routes are checked against the configured carriers now (a bad route stops start-up),
        // and each carrier's breaker is on /metrics before any traffic.
        app.Services.GetRequiredService<Channels.Resilience.CarrierResilience>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Startup");
        StartupLog.RuleSetLoaded(logger, rules.Name, rules.Version, rules.Templates.Count, rules.Jurisdictions.Count);

        app.MapGrpcService<ReminderGrpcService>();
        app.MapGrpcService<ConsentGrpcService>();
        app.MapGrpcService<ContactHistoryGrpcService>();
        app.MapGrpcService<ReviewGrpcService>();
        app.MapGrpcService<ComplianceAdminGrpcService>();
        app.MapGatewayHealth();
        app.MapGrpcReflectionService();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<GatewayMetrics>().Registry);
        app.MapBenchmarkEndpoints(logger);
        if (TwilioServiceCollectionExtensions.IsConfigured(app.Services))
        {
            app.MapTwilioWebhooks();
        }

        if (Channels.Smtp.SmtpServiceCollectionExtensions.IsConfigured(app.Configuration))
        {
            app.MapEmailUnsubscribe();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            StartupLog.Listening(logger, string.Join(", ", addresses));
        });
        return app;
    }
}
