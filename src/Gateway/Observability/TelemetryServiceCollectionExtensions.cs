using Microsoft.Extensions.Logging.Console;
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
        CorrelateLogs(services);

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
    /// Every log entry carries the trace and span id of the decision it was written in (as a scope),
    /// and the JSON console format (<c>Logging:Console:FormatterName=json</c>) writes scopes and a UTC
    /// timestamp, so that a log line leads to its trace.
    /// </summary>
    private static void CorrelateLogs(IServiceCollection services)
    {
        services.Configure<LoggerFactoryOptions>(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
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
