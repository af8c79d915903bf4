namespace Gateway.Tests.Deploy;

/// <summary>The key checker the manifest tests rely on: it accepts the keys the gateway binds and names the ones it does not.</summary>
public sealed class ConfigurationKeysTests
{
    [Theory]
    [InlineData("Gateway__Store__ConnectionString")]
    [InlineData("Gateway__RuleSetPath")]
    [InlineData("Gateway__ContactHashKey")]
    [InlineData("Gateway__Tenants__acme__ApiKeySha256__0")]
    [InlineData("Gateway__Carriers__Routes__sms__1")]
    [InlineData("Gateway__Drain__Timeout")]
    [InlineData("Gateway:Recheck:Timeout")]
    [InlineData("Sandbox__OutboxPath")]
    [InlineData("Kestrel__Endpoints__Http__Url")]
    [InlineData("Logging__LogLevel__Microsoft.AspNetCore")]
    public void Problem_BoundKey_IsNone(string key) => Assert.Null(ConfigurationKeys.Problem(key));

    [Theory]
    [InlineData("Gateway__Store__ConectionString")]
    [InlineData("Gateway__Tenants__acme__ApiKey")]
    [InlineData("Gateway__Tenants__acme__ApiKeySha256__first")]
    [InlineData("Gateway__Drain__Timeout__Seconds")]
    [InlineData("Gateway__Nowhere")]
    [InlineData("Kestrel__Endpoints__Admin__Url")]
    public void Problem_UnboundKey_IsNamed(string key) => Assert.Contains(key, ConfigurationKeys.Problem(key), StringComparison.Ordinal);
}
