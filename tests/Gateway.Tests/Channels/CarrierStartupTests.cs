using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Channels;

/// <summary>A carrier configured wrongly stops start-up with a message naming the key to fix.</summary>
[Collection(RedisTests.Name)]
public sealed class CarrierStartupTests(RedisFixture redis)
{
    [Theory]
    [InlineData("Gateway:Carriers:Routes:sms:0", "smoke-signals", "Gateway:Carriers:Routes:sms names 'smoke-signals', which is not configured")]
    [InlineData("Gateway:Carriers:Routes:fax:0", "outbox", "Gateway:Carriers:Routes:fax: unknown channel")]
    [InlineData("Gateway:Carriers:Twilio:SmsFrom", "12345", "Gateway:Carriers:Twilio:SmsFrom is required")]
    [InlineData("Gateway:Carriers:Twilio:PublicBaseUrl", "", "Gateway:Carriers:Twilio:PublicBaseUrl is required")]
    [InlineData("Gateway:Carriers:Resilience:AttemptTimeout", "00:01:00", "Gateway:Carriers:Resilience:AttemptTimeout must be positive and at most")]
    [InlineData("Gateway:Carriers:Resilience:RetryableStatusCodes:0", "404", "Gateway:Carriers:Resilience:RetryableStatusCodes may list only 5xx")]
    public async Task Start_BadCarrierSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Twilio:AccountSid"] = "ACtest",
            ["Gateway:Carriers:Twilio:AuthToken"] = "token",
            ["Gateway:Carriers:Twilio:SmsFrom"] = "+12025550900",
            ["Gateway:Carriers:Twilio:PublicBaseUrl"] = "https://gateway.test.example/",
            [key] = value,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await GatewayTestHost.StartAsync(redis.Server.ConnectionString, new Uri("http://127.0.0.1:9"), new FakeTimeProvider(), settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
