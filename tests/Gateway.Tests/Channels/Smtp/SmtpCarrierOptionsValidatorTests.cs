using Gateway.Channels.Smtp;

namespace Gateway.Tests.Channels.Smtp;

/// <summary>A bad SMTP setting stops start-up with a message naming its key.</summary>
public sealed class SmtpCarrierOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteSettings_Succeed()
    {
        Assert.True(new SmtpCarrierOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    public static TheoryData<string, Action<SmtpCarrierOptions>> BadSettings => new()
    {
        { "Gateway:Carriers:Smtp:Host", o => o.Host = "" },
        { "Gateway:Carriers:Smtp:Port", o => o.Port = 0 },
        { "Gateway:Carriers:Smtp:Username", o => o.Password = "" },
        { "Gateway:Carriers:Smtp:FromAddress", o => o.FromAddress = "not an address" },
        { "Gateway:Carriers:Smtp:UnsubscribeMailto", o => o.UnsubscribeMailto = "" },
        { "Gateway:Carriers:Smtp:UnsubscribeUrl", o => o.UnsubscribeUrl = "http://lender.example/unsubscribe" },
        { "Gateway:Carriers:Smtp:UnsubscribeUrl", o => o.UnsubscribeUrl = "https://lender.example/u?x=1" },
        { "Gateway:Carriers:Smtp:UnsubscribeTokenKey", o => o.UnsubscribeTokenKey = Convert.ToBase64String(new byte[16]) },
        { "Gateway:Carriers:Smtp:Timeout", o => o.Timeout = TimeSpan.Zero },
        { "Gateway:Carriers:Smtp:TrustedCertificateSha256", o => o.TrustedCertificateSha256 = "abc" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailureNamesTheKey(string key, Action<SmtpCarrierOptions> change)
    {
        var options = Valid();
        change(options);

        var result = new SmtpCarrierOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key + " ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_ForgedOrTamperedToken_Refused()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var token = new UnsubscribeToken(key).Seal("acme", "rem_1", "a@example.com");
        var tampered = (token[^1] == 'A' ? token[..^1] + "B" : token[..^1] + "A");

        Assert.True(new UnsubscribeToken(key).TryOpen(token, out _));
        Assert.False(new UnsubscribeToken(key).TryOpen(tampered, out _));
        Assert.False(new UnsubscribeToken(new byte[32]).TryOpen(token, out _));
        Assert.False(new UnsubscribeToken(key).TryOpen("not*base64", out _));
    }

    internal static SmtpCarrierOptions Valid() => new()
    {
        Host = "smtp.lender.example",
        Username = "gateway",
        Password = "secret",
        FromAddress = "reminders@lender.example",
        UnsubscribeMailto = "unsubscribe@lender.example",
        UnsubscribeUrl = "https://lender.example/unsubscribe",
        UnsubscribeTokenKey = Convert.ToBase64String(new byte[32]),
    };
}
