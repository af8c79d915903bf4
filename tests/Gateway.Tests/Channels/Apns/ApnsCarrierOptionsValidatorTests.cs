using System.Security.Cryptography;
using Gateway.Channels.Apns;

namespace Gateway.Tests.Channels.Apns;

/// <summary>A bad APNs setting stops start-up with a message naming its key.</summary>
public sealed class ApnsCarrierOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteSettings_Succeed()
    {
        Assert.True(new ApnsCarrierOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    public static TheoryData<string, Action<ApnsCarrierOptions>> BadSettings => new()
    {
        { "Gateway:Carriers:Apns:BaseUrl", o => o.BaseUrl = new Uri("http://api.push.apple.com") },
        { "Gateway:Carriers:Apns:KeyId", o => o.KeyId = "ABC" },
        { "Gateway:Carriers:Apns:TeamId", o => o.TeamId = "DEF123GHI!" },
        { "Gateway:Carriers:Apns:PrivateKey", o => o.PrivateKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
        { "Gateway:Carriers:Apns:PrivateKey", o => o.PrivateKey = RsaKey() },
        { "Gateway:Carriers:Apns:Topic", o => o.Topic = " " },
        { "Gateway:Carriers:Apns:Priority", o => o.Priority = 1 },
        { "Gateway:Carriers:Apns:Timeout", o => o.Timeout = TimeSpan.Zero },
        { "Gateway:Carriers:Apns:DefaultTimeToLive", o => o.DefaultTimeToLive = TimeSpan.FromDays(31) },
        { "Gateway:Carriers:Apns:TrustedCertificateSha256", o => o.TrustedCertificateSha256 = "zz" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailureNamesTheKey(string key, Action<ApnsCarrierOptions> change)
    {
        var options = Valid();
        change(options);

        var result = new ApnsCarrierOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key + " ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static string RsaKey()
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static ApnsCarrierOptions Valid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new ApnsCarrierOptions { KeyId = "ABC123DEFG", TeamId = "DEF123GHIJ", PrivateKey = key.ExportPkcs8PrivateKeyPem(), Topic = "com.acme.lending" };
    }
}
