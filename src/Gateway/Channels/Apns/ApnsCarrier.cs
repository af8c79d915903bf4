using Gateway.Decisions;
using Gateway.Observability;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Apns;

/// <summary>Push to Apple devices: APNs over HTTP/2 and TLS, authenticated by a provider token (ES256 JWT).</summary>
internal sealed class ApnsCarrier : ICarrier, IDisposable
{
    public const string CarrierName = "apns";

    /// <summary>The longest APNs is asked to hold a push here (Apple stores one per app and device for a limited time).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromDays(30);

    private readonly ApnsCarrierOptions _options;
    private readonly ApnsProviderToken _token;
    private readonly HttpClient _http;
    private readonly PushSend _send;

    public ApnsCarrier(IOptions<ApnsCarrierOptions> options, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger<ApnsCarrier> logger)
    {
        _options = options.Value;
        _token = new ApnsProviderToken(_options, time, logger);
        var trusted = _options.TrustedCertificateSha256;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),

            // Apple asks providers to keep connections open and spread load over several.
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => CertificatePin.Validate(certificate, errors, trusted);
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _send = new PushSend(CarrierName, _options.Timeout, _options.DefaultTimeToLive, Limit, time, wall, metrics, logger);
    }

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel == Channel.Push;

    public Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var apnsId = ApnsId.For(message.ReminderId).ToString("D");
        return _send.RunAsync(message, apnsId, (now, timeToLive, token) => PushAsync(message, apnsId, now + timeToLive, token), cancellationToken);
    }

    private async Task<CarrierResult> PushAsync(OutboundMessage message, string apnsId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        using var request = ApnsRequest.Create(_options, message, _token.Current(), expiresAt);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var result = ApnsResponse.Map(response.StatusCode, body, response.Headers.TryGetValues("apns-id", out var ids) ? ids.First() : apnsId);
        if (result.Detail.EndsWith(ApnsResponse.ExpiredProviderToken, StringComparison.Ordinal))
        {
            _token.Invalidate();
        }

        return result;
    }

    public void Dispose()
    {
        _http.Dispose();
        _token.Dispose();
    }
}
