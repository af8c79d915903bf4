using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Observability;

/// <summary>
/// Registers OpenTelemetry: the gateway's decision spans, ASP.NET Core, gRPC client and HttpClient
/// spans (which carry the trace context to the lender and the carriers), ASP.NET Core, HttpClient
/// and runtime metrics, and OTLP export of both when an endpoint is configured.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable the OTLP exporter reads by itself when no endpoint is configured here.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();

        // Whether an exporter exists at all is decided now, from the raw settings: a bad address
        // adds none here and the validator stops start-up naming the key.
        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var configured = TelemetryOptionsValidator.OtlpBaseAddress(telemetry);
        var fromEnvironment = configured is null && !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                string.IsNullOrWhiteSpace(telemetry.ServiceName) ? "reminder-gateway" : telemetry.ServiceName,
                serviceVersion: typeof(TelemetryOptions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatewayActivities.SourceName)
                    .SetSampler(provider => new ParentBasedSampler(new TraceIdRatioBasedSampler(provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.TraceSampleRatio)))
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !ProbePaths.IsProbe(http.Request.Path))
                    .AddGrpcClientInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddProcessor(new ClientUrlRedaction());
                if (configured is not null)
                {
                    tracing.AddOtlpExporter(exporter => Point(exporter, telemetry.OtlpProtocol, configured, "v1/traces"));
                }
                else if (fromEnvironment)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (configured is not null)
                {
                    metrics.AddOtlpExporter(exporter => Point(exporter, telemetry.OtlpProtocol, configured, "v1/metrics"));
                }
                else if (fromEnvironment)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// An endpoint set in code is used as it is, so over HTTP the signal's path is appended here, as
    /// the exporter itself does for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// </summary>
    private static void Point(OtlpExporterOptions exporter, OtlpExportProtocol protocol, Uri baseAddress, string signalPath)
    {
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : baseAddress;
    }
}
