using System.Globalization;
using Gateway.Channels;
using Gateway.Channels.Apns;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Channels.Apns;

/// <summary>The APNs carrier through ICarrier.SendAsync against a fake APNs speaking HTTP/2 over TLS on loopback Kestrel.</summary>
public sealed class ApnsCarrierTests : IDisposable
{
    private const string DeviceToken = "5f8c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
    /// <summary>Longer than the hang test waits in real time, so only the fake wall clock can end that send; no other send comes near it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
    private readonly GatewayMetrics _metrics = new();
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task SendAsync_Accepted_SendsSignedTokenHeadersAndAlertOverHttp2()
    {
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow);
        using var carrier = Carrier(apns);
        var expiresAt = _clock.GetUtcNow().AddHours(2);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken, expiresAt), CancellationToken.None);

        Assert.True(apns.Refusals.IsEmpty, string.Join("\n", apns.Refusals));
        Assert.Equal(CarrierOutcome.Accepted, result.Outcome);
        var push = Assert.Single(apns.Pushes);
        Assert.Equal(DeviceToken, push.DeviceToken);
        Assert.Equal(push.Headers["apns-id"], result.MessageId);
        Assert.Equal(ApnsId.For(CarrierTestMessages.ReminderId).ToString("D"), push.Headers["apns-id"]);
        Assert.Equal(FakeApns.Topic, push.Headers["apns-topic"]);
        Assert.Equal("alert", push.Headers["apns-push-type"]);
        Assert.Equal("10", push.Headers["apns-priority"]);
        Assert.Equal(expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), push.Headers["apns-expiration"]);
        Assert.Equal("Payment overdue", (string?)push.Payload["aps"]!["alert"]!["title"]);
        Assert.Equal("Acme Lending: a payment on account ****0001 is overdue.", (string?)push.Payload["aps"]!["alert"]!["body"]);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("apns", "accepted").Value);
    }

    [Fact]
    public async Task SendAsync_ProviderToken_ReusedWithinFiftyMinutesThenRenewed()
    {
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow);
        using var carrier = Carrier(apns);

        await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(49));
        await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var third = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.True(apns.Refusals.IsEmpty, string.Join("\n", apns.Refusals));
        Assert.Equal(CarrierOutcome.Accepted, third.Outcome);
        var tokens = apns.Pushes.Select(push => push.ProviderToken).ToArray();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[1], tokens[2]);
    }

    [Fact]
    public async Task SendAsync_AfterExpiredProviderToken_SignsAFreshOne()
    {
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow, ApnsFault.ExpiredProviderToken);
        using var carrier = Carrier(apns);

        await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        var tokens = apns.Pushes.Select(push => push.ProviderToken).ToArray();
        Assert.Equal(2, tokens.Length);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    public static TheoryData<string, string, bool, string> Faults => new()
    {
        { "BadDeviceToken", "Rejected", false, "apns 400 BadDeviceToken" },
        { "Unregistered", "RecipientOptedOut", false, "apns 410 Unregistered: the device token is retired" },
        { "TooManyRequests", "Rejected", true, "apns 429 TooManyRequests" },
        { "InternalServerError", "Rejected", true, "apns 500 InternalServerError" },
        { "ServiceUnavailable", "Rejected", true, "apns 503 ServiceUnavailable" },
        { "ExpiredProviderToken", "Rejected", true, "apns 403 ExpiredProviderToken" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendAsync_Fault_MapsToTheOutcome(string faultName, string outcomeName, bool retryable, string detail)
    {
        var fault = Enum.Parse<ApnsFault>(faultName);
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow, fault);
        using var carrier = Carrier(apns);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.True(apns.Refusals.IsEmpty, string.Join("\n", apns.Refusals));
        Assert.Equal((Enum.Parse<CarrierOutcome>(outcomeName), retryable, detail), (result.Outcome, result.Retryable, result.Detail));
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("apns", result.MetricStatus).Value);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(DeviceToken, StringComparison.Ordinal));
    }

    /// <summary>
    /// The budget runs on the wall clock, here a fake one moved only once APNs holds the request: on
    /// real time a short budget also covered the TLS and HTTP/2 handshakes, which a loaded machine
    /// could spend in full, so a push that never reached APNs was counted as one that did.
    /// </summary>
    [Fact]
    public async Task SendAsync_ApnsHangsAfterReadingThePush_AmbiguousExactlyWhenTheBudgetRunsOut()
    {
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow, ApnsFault.Hang);
        var wall = new FakeTimeProvider(_clock.GetUtcNow());
        using var carrier = Carrier(apns, wall: wall);

        var result = await CarrierBudget.RunOutAsync(carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None), apns.Hanging, wall, Budget);

        Assert.True(apns.Refusals.IsEmpty, string.Join("\n", apns.Refusals));
        Assert.Equal((CarrierOutcome.Ambiguous, false, "apns timed out after the request was sent"), (result.Outcome, result.Retryable, result.Detail));
        Assert.Single(apns.Pushes);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("apns", result.MetricStatus).Value);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(DeviceToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_CertificateNotPinned_RefusesTheServer()
    {
        await using var apns = await FakeApns.StartAsync(_clock.GetUtcNow);
        using var carrier = Carrier(apns, pin: false);

        var result = await carrier.SendAsync(CarrierTestMessages.PushTo(DeviceToken), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.Contains("certificate", result.Detail, StringComparison.Ordinal);
        Assert.Empty(apns.Pushes);
    }

    public void Dispose() => _logs.Dispose();

    /// <param name="wall">The clock the budget runs on; the real one unless a test moves it.</param>
    private ApnsCarrier Carrier(FakeApns apns, bool pin = true, TimeProvider? wall = null) => new(
        Options.Create(new ApnsCarrierOptions
        {
            BaseUrl = apns.BaseUrl,
            KeyId = FakeApns.KeyId,
            TeamId = FakeApns.TeamId,
            PrivateKey = apns.PrivateKey,
            Topic = FakeApns.Topic,
            Timeout = Budget,
            TrustedCertificateSha256 = pin ? TestCertificate.Sha256 : null,
        }),
        _clock,
        wall is null ? TestWallClock.Real : new WallClock(wall),
        _metrics,
        _logs.For<ApnsCarrier>());
}
