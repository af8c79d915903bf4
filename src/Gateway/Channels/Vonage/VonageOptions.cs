namespace Gateway.Channels.Vonage;

/// <summary>
/// A Vonage-style SMS API as the second SMS carrier (<c>Gateway:Carriers:Vonage</c>): <c>POST
/// /sms/json</c> with a JSON body carrying <c>api_key</c> and <c>api_secret</c>. Present only when
/// the section is.
/// </summary>
public sealed class VonageOptions
{
    public const string SectionName = "Gateway:Carriers:Vonage";

    /// <summary>The API's base address (default <c>https://rest.nexmo.com</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://rest.nexmo.com");

    /// <summary>API key (required), sent in the body as <c>api_key</c>.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>API secret (required), sent in the body as <c>api_secret</c>.</summary>
    public string ApiSecret { get; set; } = string.Empty;

    /// <summary>The sender: a number in E.164 form (required).</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Messages per second per sender, shared by every instance (default 30, the API's account default).</summary>
    public double MessagesPerSecond { get; set; } = 30;
}
