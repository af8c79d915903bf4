using Microsoft.Extensions.Options;

namespace Gateway.Observability;

/// <summary>Checks <see cref="TelemetryOptions"/> at start-up, so that a typo in the collector's address stops the gateway instead of silently exporting nothing.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && OtlpBaseAddress(options) is null)
        {
            failures.Add("Gateway:Telemetry:OtlpEndpoint must be an absolute http or https address, such as http://otel-collector:4317.");
        }

        if (!Enum.IsDefined(options.OtlpProtocol))
        {
            failures.Add("Gateway:Telemetry:OtlpProtocol must be Grpc or HttpProtobuf.");
        }

        if (double.IsNaN(options.TraceSampleRatio) || options.TraceSampleRatio < 0 || options.TraceSampleRatio > 1)
        {
            failures.Add("Gateway:Telemetry:TraceSampleRatio must be between 0 and 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add("Gateway:Telemetry:ServiceName must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The configured endpoint as an absolute http(s) address, or null.</summary>
    internal static Uri? OtlpBaseAddress(TelemetryOptions options) =>
        Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
