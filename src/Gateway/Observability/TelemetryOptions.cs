using OpenTelemetry.Exporter;

namespace Gateway.Observability;

/// <summary>
/// OpenTelemetry export (<c>Gateway:Telemetry</c>). Traces and metrics are collected always (they
/// cost little without an exporter) and leave the process only when an OTLP endpoint is configured,
/// here or by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. The Prometheus <c>/metrics</c>
/// endpoint is independent of this and always served.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Gateway:Telemetry";

    /// <summary>
    /// The collector's base address, for example <c>http://otel-collector:4317</c> (gRPC) or
    /// <c>http://otel-collector:4318</c> (HTTP, the signal paths are appended). Empty (the default):
    /// no OTLP export unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>How spans and metrics are sent to <see cref="OtlpEndpoint"/>: <c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>
    /// The share of decisions traced when the caller sent no sampled trace context (0 to 1, default 1).
    /// A caller's sampling decision is always followed, so a lender tracing a request sees it whole.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>The <c>service.name</c> of every span and metric (default <c>reminder-gateway</c>).</summary>
    public string ServiceName { get; set; } = "reminder-gateway";
}
