using Gateway.Channels.Fcm;

namespace Gateway.Tests.Channels.Fcm;

/// <summary>A bad FCM setting stops start-up with a message naming its key.</summary>
public sealed class FcmCarrierOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteSettings_Succeed()
    {
        Assert.True(new FcmCarrierOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    public static TheoryData<string, Action<FcmCarrierOptions>> BadSettings => new()
    {
        { "Gateway:Carriers:Fcm:ServiceAccountJson", o => o.ServiceAccountJson = "{}" },
        { "Gateway:Carriers:Fcm:ServiceAccountJson", o => o.ServiceAccountJson = "not json" },
        { "Gateway:Carriers:Fcm:ProjectId", o => o.ServiceAccountJson = o.ServiceAccountJson.Replace("\"project_id\"", "\"other\"", StringComparison.Ordinal) },
        { "Gateway:Carriers:Fcm:BaseUrl", o => o.BaseUrl = new Uri("http://fcm.example") },
        { "Gateway:Carriers:Fcm:TokenUri", o => o.TokenUri = new Uri("/token", UriKind.Relative) },
        { "Gateway:Carriers:Fcm:Timeout", o => o.Timeout = TimeSpan.FromMinutes(2) },
        { "Gateway:Carriers:Fcm:DefaultTimeToLive", o => o.DefaultTimeToLive = TimeSpan.FromDays(29) },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailureNamesTheKey(string key, Action<FcmCarrierOptions> change)
    {
        var options = Valid();
        change(options);

        var result = new FcmCarrierOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static FcmCarrierOptions Valid() => new() { ServiceAccountJson = TestServiceAccount.Json() };
}
