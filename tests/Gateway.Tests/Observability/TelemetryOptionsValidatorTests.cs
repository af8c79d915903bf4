using Gateway.Observability;

namespace Gateway.Tests.Observability;

public sealed class TelemetryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()).Succeeded);
    }

    [Theory]
    [InlineData("otel-collector:4317", 1.0)]
    [InlineData("ftp://otel-collector", 1.0)]
    [InlineData("", 1.5)]
    [InlineData("", -0.1)]
    public void Validate_BadEndpointOrRatio_FailsNamingTheKey(string endpoint, double ratio)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpEndpoint = endpoint, TraceSampleRatio = ratio });

        Assert.True(result.Failed);
        Assert.Contains("Gateway:Telemetry:", result.FailureMessage, StringComparison.Ordinal);
    }
}
