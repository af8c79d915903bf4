using System.Net.Http.Headers;
using System.Security;
using System.Text;
using Gateway.Channels.Resilience;
using Gateway.Rules;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Twilio;

/// <summary>
/// SMS and voice through a Twilio-compatible REST API: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// and <c>…/Calls.json</c>, form-encoded, HTTP basic auth with the account SID and auth token. A
/// call reads the message with <c>&lt;Say&gt;</c> text-to-speech from inline TwiML. Every request
/// names a status callback on this gateway, carrying the ids (never the number) that let the
/// webhook find the decision again.
/// </summary>
internal sealed class TwilioCarrier : ICarrier, IThroughputLimited, IDisposable
{
    public const string CarrierName = "twilio";

    private readonly TwilioOptions _options;
    private readonly IReadOnlyCollection<int> _retryable;
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _auth;

    public TwilioCarrier(IOptions<TwilioOptions> options, IOptions<CarrierResilienceOptions> resilience)
    {
        _options = options.Value;
        _retryable = resilience.Value.RetryableStatusCodesOrDefault.ToArray();
        _http = HttpCarrierCall.CreateClient(resilience.Value.ConnectTimeout);
        _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.AccountSid + ":" + _options.AuthToken)));
    }

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel is Channel.Sms or Channel.Voice;

    public (string Sender, double PerSecond) ThroughputFor(Channel channel) => (SenderFor(channel), _options.MessagesPerSecond);

    public async Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var voice = message.Channel == Channel.Voice;
        var from = SenderFor(message.Channel);
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", message.To.Value),
            new("From", from),
            new("StatusCallback", StatusCallback(message)),
        };
        if (voice)
        {
            form.Add(new("Twiml", Twiml(message)));

            // Machine detection lets the call status tell a person from voicemail (attempt vs conversation).
            form.Add(new("MachineDetection", "Enable"));
        }
        else
        {
            form.Add(new("Body", message.Content.Body));
        }

        var resource = voice ? "Calls.json" : "Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid)}/{resource}"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = _auth;
        var idempotent = !string.IsNullOrEmpty(_options.IdempotencyKeyHeader);
        if (idempotent)
        {
            request.Headers.TryAddWithoutValidation(_options.IdempotencyKeyHeader!, message.ReminderId);
        }

        return await HttpCarrierCall.SendAsync(_http, request, CarrierName, idempotent, _retryable, ReadAcceptedAsync, cancellationToken, TwilioErrors.Classify).ConfigureAwait(false);
    }

    private string SenderFor(Channel channel) => channel == Channel.Voice ? _options.VoiceFrom ?? _options.SmsFrom : _options.SmsFrom;

    /// <summary>TwiML that reads the message aloud; the text is XML-escaped, so no template value can inject TwiML verbs.</summary>
    public static string Twiml(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"<Response><Say language=\"{SecurityElement.Escape(message.Locale)}\">{SecurityElement.Escape(message.Content.Body)}</Say></Response>";
    }

    private string StatusCallback(OutboundMessage message)
    {
        var query = $"t={Uri.EscapeDataString(message.TenantId)}&d={Uri.EscapeDataString(message.DebtorId)}&b={Uri.EscapeDataString(message.DebtId)}&r={Uri.EscapeDataString(message.ReminderId)}&c={RuleNames.Of(message.Channel)}";
        return _options.PublicUrlOf(TwilioWebhooks.StatusPath + "?" + query);
    }

    private static async Task<CarrierResult> ReadAcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        TwilioResource? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<TwilioResource>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        // A 2xx means the carrier took it; without a sid the gateway cannot say which message it is.
        return body?.Sid is { Length: > 0 } sid
            ? CarrierResult.Accept(CarrierName, sid)
            : CarrierResult.Unknown(CarrierName, "accepted without a sid", idempotent: false);
    }

    public void Dispose() => _http.Dispose();
}
