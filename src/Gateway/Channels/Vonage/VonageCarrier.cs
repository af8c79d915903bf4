using System.Text.Json;
using Gateway.Channels.Resilience;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Vonage;

/// <summary>
/// SMS through a Vonage-style API, the failover of the primary SMS carrier: one JSON request with
/// the credentials in the body, and a 200 whose per-part <c>status</c> says what happened ("0"
/// sent, "1" throttled, anything else refused). The API takes no idempotency key, so an ambiguous
/// failure is never repeated.
/// </summary>
internal sealed class VonageCarrier : ICarrier, IThroughputLimited, IDisposable
{
    public const string CarrierName = "vonage";

    /// <summary>The SMS API's per-message status "7", number barred (developer.vonage.com, SMS API troubleshooting).</summary>
    private const string BarredNumber = "7";

    private readonly VonageOptions _options;
    private readonly IReadOnlyCollection<int> _retryable;
    private readonly HttpClient _http;

    public VonageCarrier(IOptions<VonageOptions> options, IOptions<CarrierResilienceOptions> resilience)
    {
        _options = options.Value;
        _retryable = resilience.Value.RetryableStatusCodesOrDefault.ToArray();
        _http = HttpCarrierCall.CreateClient(resilience.Value.ConnectTimeout);
    }

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel == Channel.Sms;

    public (string Sender, double PerSecond) ThroughputFor(Channel channel) => (_options.From, _options.MessagesPerSecond);

    public async Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // "unicode" keeps non-Latin text (a zh-CN template) intact; the API bills it as UCS-2.
        var type = message.Content.Body.All(character => character < 128) ? "text" : "unicode";
        var body = new VonageSmsRequest(_options.ApiKey, _options.ApiSecret, _options.From.TrimStart('+'), message.To.Value.TrimStart('+'), message.Content.Body, type, message.ReminderId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl, "sms/json")) { Content = JsonContent.Create(body) };
        return await HttpCarrierCall.SendAsync(_http, request, CarrierName, idempotent: false, _retryable, ReadAsync, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CarrierResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        VonageSmsResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<VonageSmsResponse>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            answer = null;
        }

        var parts = answer?.Messages ?? [];
        if (parts.Count == 0)
        {
            return CarrierResult.Unknown(CarrierName, "HTTP 200 without message parts", idempotent: false);
        }

        if (parts.All(part => part.Status == "0" && !string.IsNullOrEmpty(part.MessageId)))
        {
            return CarrierResult.Accept(CarrierName, parts[0].MessageId!);
        }

        if (parts.Any(part => part.Status == "0"))
        {
            // Some parts went out: the recipient may see part of the message; never resend it.
            return CarrierResult.Unknown(CarrierName, "only some parts were accepted", idempotent: false);
        }

        var status = parts[0].Status ?? "?";
        return status switch
        {
            "1" => CarrierResult.Reject(CarrierName, "status 1 (throttled)", retryable: true, status: "rate_limited"),

            // "Number barred": the recipient is on the account's block list, which is where
            // Vonage puts a number that replied STOP. An opt-out, never a reason to fail over.
            BarredNumber => CarrierResult.OptedOut(CarrierName, "status 7 (number barred): the recipient opted out at vonage"),
            _ => CarrierResult.Reject(CarrierName, $"status {status}"),
        };
    }

    public void Dispose() => _http.Dispose();
}
