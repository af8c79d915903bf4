using Gateway.Channels.Twilio;

namespace Gateway.Tests.Channels;

/// <summary>The webhook signature against the worked example of Twilio's webhook security documentation.</summary>
public sealed class TwilioSignatureTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Documented = "GvWf1cFY/Q7PnoempGyD5oXAezc=";

    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["Digits"] = "1234",
        ["To"] = "+18005551212",
        ["From"] = "+14158675310",
        ["Caller"] = "+14158675310",
        ["CallSid"] = "CA1234567890ABCDE",
    };

    [Fact]
    public void Compute_DocumentedExample_MatchesTwiliosSignature() =>
        Assert.Equal(Documented, TwilioSignature.Compute(AuthToken, Url, Parameters));

    [Fact]
    public void IsValid_AnythingChanged_False()
    {
        Assert.True(TwilioSignature.IsValid(AuthToken, Url, Parameters, Documented));
        Assert.False(TwilioSignature.IsValid(AuthToken, Url, Parameters, null));
        Assert.False(TwilioSignature.IsValid("54321", Url, Parameters, Documented));
        Assert.False(TwilioSignature.IsValid(AuthToken, Url.Replace("https", "http", StringComparison.Ordinal), Parameters, Documented));
        Assert.False(TwilioSignature.IsValid(AuthToken, Url, new Dictionary<string, string>(Parameters) { ["Digits"] = "9999" }, Documented));
    }
}
