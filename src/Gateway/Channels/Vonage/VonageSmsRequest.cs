using System.Text.Json.Serialization;

namespace Gateway.Channels.Vonage;

/// <summary>The body of <c>POST /sms/json</c>. <c>to</c> and <c>from</c> are digits without the plus, as the API expects.</summary>
internal sealed record VonageSmsRequest(
    [property: JsonPropertyName("api_key")] string ApiKey,
    [property: JsonPropertyName("api_secret")] string ApiSecret,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("client-ref")] string ClientRef);
