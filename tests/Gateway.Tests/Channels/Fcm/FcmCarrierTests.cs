using Gateway.Channels;
using Gateway.Channels.Fcm;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Channels.Fcm;

/// <summary>The FCM carrier through ICarrier.SendAsync against a fake OAuth2 token endpoint and a fake FCM HTTP v1, both on loopback Kestrel.</summary>
public sealed class FcmCarrierTests : IDisposable
{
    private const string DeviceToken = "fcm-device-token-d7f3a9c2e1b84f60a5c3";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);
    /// <summary>Longer than the hang test waits in real time, so only the fake wall clock can end that send; no other send comes near it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);
    private readonly GatewayMetrics _metrics = new();
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task SendAsync_Accepted_SendsTheWireFormatWithTheServiceAccountsBearerToken()
    {
        await using var fcm = await FakeFcm.StartAsync();
        using var carrier = Carrier(fcm);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken, Now.AddHours(1)), CancellationToken.None);

        Assert.True(fcm.RefusedTokenRequests.IsEmpty, string.Join("\n", fcm.RefusedTokenRequests));
        Assert.True(result.Outcome == CarrierOutcome.Accepted, result.Detail);
        Assert.Equal($"projects/{FakeFcm.Project}/messages/0:1500415314455276%31bd1c9631bd1c96", result.MessageId);
        var message = Assert.Single(fcm.Sends)["message"]!;
        Assert.Equal(DeviceToken, (string?)message["token"]);
        Assert.Equal("Payment overdue", (string?)message["notification"]!["title"]);
        Assert.Equal("Acme Lending: a payment on account ****0001 is overdue.", (string?)message["notification"]!["body"]);
        Assert.Equal("3600s", (string?)message["android"]!["ttl"]);
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)message["apns"]!["headers"]!["apns-expiration"]);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("fcm", "accepted").Value);
    }

    [Fact]
    public async Task SendAsync_Twice_ReusesTheCachedAccessToken()
    {
        await using var fcm = await FakeFcm.StartAsync();
        using var carrier = Carrier(fcm);

        await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);
        var second = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Accepted, second.Outcome);
        Assert.Equal(1, fcm.TokenRequests);
        Assert.Equal("86400s", (string?)fcm.Sends.Last()["message"]!["android"]!["ttl"]);
    }

    public static TheoryData<string, string, bool, string> Faults => new()
    {
        { "Unregistered", "RecipientOptedOut", false, "fcm 404 UNREGISTERED: the registration token is retired" },
        { "InvalidArgument", "Rejected", false, "fcm 400 INVALID_ARGUMENT" },
        { "QuotaExceeded", "Rejected", true, "fcm 429 QUOTA_EXCEEDED" },
        { "Unavailable", "Rejected", true, "fcm 503 UNAVAILABLE" },
        { "TokenRefused", "Rejected", false, "fcm access token refused (400): check Gateway:Carriers:Fcm:ServiceAccountJson" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendAsync_Fault_MapsToTheOutcome(string faultName, string outcomeName, bool retryable, string detail)
    {
        var fault = Enum.Parse<FcmFault>(faultName);
        var outcome = Enum.Parse<CarrierOutcome>(outcomeName);
        await using var fcm = await FakeFcm.StartAsync(fault);
        using var carrier = Carrier(fcm);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.Equal((outcome, retryable, detail), (result.Outcome, result.Retryable, result.Detail));
        Assert.Equal(fault == FcmFault.TokenRefused ? 0 : 1, fcm.Sends.Count);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("fcm", result.MetricStatus).Value);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(DeviceToken, StringComparison.Ordinal));
    }

    /// <summary>
    /// The budget runs on the wall clock, here a fake one moved only once FCM holds the request:
    /// on real time a short budget also covered the token fetch and the connection, which a loaded
    /// machine could spend in full, so the send timed out before reaching FCM ("token unavailable").
    /// </summary>
    [Fact]
    public async Task SendAsync_FcmHangsAfterReadingTheRequest_AmbiguousExactlyWhenTheBudgetRunsOut()
    {
        await using var fcm = await FakeFcm.StartAsync(FcmFault.Hang);
        var wall = new FakeTimeProvider(Now);
        using var carrier = Carrier(fcm, wall);

        var result = await CarrierBudget.RunOutAsync(carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None), fcm.Hanging, wall, Budget);

        Assert.Equal((CarrierOutcome.Ambiguous, false, "fcm timed out after the request was sent"), (result.Outcome, result.Retryable, result.Detail));
        Assert.Single(fcm.Sends);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("fcm", result.MetricStatus).Value);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(DeviceToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ReminderAlreadyExpired_PushesNothing()
    {
        await using var fcm = await FakeFcm.StartAsync();
        using var carrier = Carrier(fcm);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken, Now.AddSeconds(-1)), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.Empty(fcm.Sends);
        Assert.Equal(0, fcm.TokenRequests);
    }

    [Fact]
    public async Task SendAsync_FcmRefusesConnections_RejectedRetryable()
    {
        await using var fcm = await FakeFcm.StartAsync();
        using var carrier = new FcmCarrier(
            Options.Create(new FcmCarrierOptions { ServiceAccountJson = fcm.ServiceAccountJson, BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}"), TokenUri = fcm.TokenUri }),
            new FakeTimeProvider(Now),
            TestWallClock.Real,
            _metrics,
            _logs.For<FcmCarrier>());

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.Equal((CarrierOutcome.Rejected, true), (result.Outcome, result.Retryable));
        Assert.Equal("fcm connection failed before the request was sent", result.Detail);
    }

    public void Dispose() => _logs.Dispose();

    /// <param name="wall">The clock the budget runs on; the real one unless a test moves it.</param>
    private FcmCarrier Carrier(FakeFcm fcm, TimeProvider? wall = null) => new(
        Options.Create(new FcmCarrierOptions
        {
            ServiceAccountJson = fcm.ServiceAccountJson,
            BaseUrl = fcm.BaseUrl,
            TokenUri = fcm.TokenUri,
            Timeout = Budget,
        }),
        new FakeTimeProvider(Now),
        wall is null ? TestWallClock.Real : new WallClock(wall),
        _metrics,
        _logs.For<FcmCarrier>());
}
