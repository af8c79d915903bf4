namespace Gateway.Channels.Twilio;

/// <summary>
/// A Twilio-compatible REST carrier for SMS and voice (<c>Gateway:Carriers:Twilio</c>). Present
/// only when the section is; then every key below marked required must be set.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Gateway:Carriers:Twilio";

    /// <summary>The REST API's base address (default <c>https://api.twilio.com</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Account SID (required): the user name of HTTP basic auth and part of every path.</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>Auth token (required): the password of HTTP basic auth and the key of webhook signatures.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>The sender number of SMS, E.164 (required).</summary>
    public string SmsFrom { get; set; } = string.Empty;

    /// <summary>The caller id of voice calls, E.164 (default: <see cref="SmsFrom"/>).</summary>
    public string? VoiceFrom { get; set; }

    /// <summary>
    /// This gateway's HTTP endpoint as the carrier reaches it (required), for example
    /// <c>https://gateway.lender.example</c>: status callback addresses are built on it, and
    /// webhook signatures are checked against it (a proxy in front changes what the gateway sees).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Messages per second per sender number, shared by every instance (default 1, a US long code's rate).</summary>
    public double MessagesPerSecond { get; set; } = 1;

    /// <summary>
    /// A request header that carries the reminder id for carriers that dedupe by it (default none).
    /// Twilio's REST API documents no such header, so by default an ambiguous failure is never
    /// repeated; a compatible provider that honours one may name it here, which makes repeating safe.
    /// </summary>
    public string? IdempotencyKeyHeader { get; set; }

    /// <summary>The one reply sent to the first stop keyword from a number.</summary>
    public string StopConfirmation { get; set; } = "You are unsubscribed and will get no more messages from us at this number.";

    /// <summary>The one reply to a start keyword that opted a number back in.</summary>
    public string StartConfirmation { get; set; } = "You are subscribed again and may get messages from us at this number. Reply STOP to opt out.";

    /// <summary>The full address the carrier calls for <paramref name="pathAndQuery"/> (no leading slash), exactly as it signs it.</summary>
    internal string PublicUrlOf(string pathAndQuery) => PublicBaseUrl!.OriginalString.TrimEnd('/') + "/" + pathAndQuery;
}
