using Gateway.Decisions;
using System.Net;
using System.Net.Http.Headers;
using Gateway.Observability;
using Gateway.V1;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Fcm;

/// <summary>Push through FCM HTTP v1: <c>POST {BaseUrl}/v1/projects/{project}/messages:send</c> with the service account's bearer token.</summary>
internal sealed class FcmCarrier : ICarrier, IDisposable
{
    public const string CarrierName = "fcm";

    /// <summary>FCM keeps a message for an offline device for at most 28 days.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromDays(28);

    private readonly FcmCarrierOptions _options;
    private readonly FcmAccessTokens _tokens;
    private readonly Uri _sendUri;
    private readonly HttpClient _http;
    private readonly PushSend _send;

    public FcmCarrier(IOptions<FcmCarrierOptions> options, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger<FcmCarrier> logger)
    {
        _options = options.Value;
        if (!ServiceAccountKey.TryParse(_options.ServiceAccountJson, out var key))
        {
            // Unreachable once options are validated at start-up; kept so a misuse fails loudly.
            throw new OptionsValidationException(FcmCarrierOptions.SectionName, typeof(FcmCarrierOptions), [$"{FcmCarrierOptions.SectionName}:ServiceAccountJson is not a service-account key."]);
        }

        _tokens = new FcmAccessTokens(_options, key);
        var project = string.IsNullOrWhiteSpace(_options.ProjectId) ? key.ProjectId! : _options.ProjectId;
        _sendUri = new Uri($"{_options.BaseUrl.AbsoluteUri.TrimEnd('/')}/v1/projects/{Uri.EscapeDataString(project)}/messages:send");

        // One long-lived client; connections are recycled so a DNS change at Google is picked up.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _send = new PushSend(CarrierName, _options.Timeout, _options.DefaultTimeToLive, Limit, time, wall, metrics, logger);
    }

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel == Channel.Push;

    public Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        _send.RunAsync(message, null, (now, timeToLive, token) => SendCoreAsync(message, now, timeToLive, token), cancellationToken);

    private async Task<CarrierResult> SendCoreAsync(OutboundMessage message, DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        string accessToken;
        try
        {
            accessToken = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TokenResponseException or HttpRequestException or OperationCanceledException)
        {
            // Nothing reached FCM yet, so whatever happened, the message is definitely not sent.
            return ex is TokenResponseException { StatusCode: { } status } && (int)status < 500 && status != HttpStatusCode.TooManyRequests
                ? CarrierResult.Reject(CarrierName, $"fcm access token refused ({(int)status}): check {FcmCarrierOptions.SectionName}:ServiceAccountJson")
                : CarrierResult.RejectRetryable(CarrierName, "fcm access token unavailable");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri)
        {
            Content = JsonContent.Create(FcmBody.Create(message, now, timeToLive)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return FcmResponse.Map(response.StatusCode, body);
    }

    public void Dispose() => _http.Dispose();
}
