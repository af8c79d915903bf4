using System.Security.Cryptography;
using Gateway.Channels;
using Gateway.Channels.Apns;
using Gateway.Channels.Fcm;
using Gateway.Channels.Outbox;
using Gateway.Channels.Smtp;
using Gateway.Tests.Channels.Fcm;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Channels;

/// <summary>
/// Email and push carriers are registered only when their section is configured, so existing
/// configurations start as before; when configured, the gateway starts and resolves them as ICarrier.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CarrierRegistrationTests(RedisFixture redis)
{
    [Fact]
    public async Task Start_WithoutCarrierSections_OnlyTheOutbox()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);

        var carrier = Assert.Single(env.Gateway.Services.GetServices<ICarrier>());
        Assert.Equal(OutboxCarrier.CarrierName, carrier.Name);
    }

    [Fact]
    public async Task Start_WithEmailAndPushSections_ResolvesEachCarrier()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: Settings.All());

        var names = env.Gateway.Services.GetServices<ICarrier>().Select(carrier => carrier.Name).ToArray();
        Assert.Equal(Settings.Names, names);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "Gateway:Carriers:Smtp:UnsubscribeUrl", "http://lender.example/unsubscribe" },
        { "Gateway:Carriers:Apns:TeamId", "short" },
        { "Gateway:Carriers:Fcm:ServiceAccountJson", "{\"client_email\":\"a@b.c\",\"private_key\":\"not a key\",\"project_id\":\"p\"}" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithBadCarrierSetting_FailsNamingTheKey(string key, string value)
    {
        var settings = Settings.All();
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Complete sections for each email and push carrier, as a lender would write them.</summary>
    private static class Settings
    {
        public static readonly string[] Names = [OutboxCarrier.CarrierName, SmtpCarrier.CarrierName, FcmCarrier.CarrierName, ApnsCarrier.CarrierName];

        public static Dictionary<string, string?> All() => new()
        {
            ["Gateway:Carriers:Smtp:Host"] = "smtp.lender.example",
            ["Gateway:Carriers:Smtp:Username"] = "gateway",
            ["Gateway:Carriers:Smtp:Password"] = "secret",
            ["Gateway:Carriers:Smtp:FromAddress"] = "reminders@lender.example",
            ["Gateway:Carriers:Smtp:UnsubscribeMailto"] = "unsubscribe@lender.example",
            ["Gateway:Carriers:Smtp:UnsubscribeUrl"] = "https://lender.example/unsubscribe",
            ["Gateway:Carriers:Smtp:UnsubscribeTokenKey"] = Convert.ToBase64String(new byte[32]),
            ["Gateway:Carriers:Fcm:ServiceAccountJson"] = TestServiceAccount.Json(),
            ["Gateway:Carriers:Apns:KeyId"] = "ABC123DEFG",
            ["Gateway:Carriers:Apns:TeamId"] = "DEF123GHIJ",
            ["Gateway:Carriers:Apns:PrivateKey"] = ApnsKey(),
            ["Gateway:Carriers:Apns:Topic"] = "com.acme.lending",
        };

        private static string ApnsKey()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return key.ExportPkcs8PrivateKeyPem();
        }

    }
}
