using System.Text.Json.Serialization;

namespace Gateway.Channels.Vonage;

/// <summary>The answer of <c>POST /sms/json</c>: one entry per message part, each with a status ("0" is success).</summary>
internal sealed record VonageSmsResponse([property: JsonPropertyName("messages")] IReadOnlyList<VonageSmsResponse.Part>? Messages)
{
    internal sealed record Part(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("message-id")] string? MessageId,
        [property: JsonPropertyName("error-text")] string? ErrorText);
}
