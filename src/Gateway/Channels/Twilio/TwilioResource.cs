using System.Text.Json.Serialization;

namespace Gateway.Channels.Twilio;

/// <summary>The part of a created Message or Call resource the gateway reads.</summary>
internal sealed record TwilioResource([property: JsonPropertyName("sid")] string? Sid, [property: JsonPropertyName("status")] string? Status);
