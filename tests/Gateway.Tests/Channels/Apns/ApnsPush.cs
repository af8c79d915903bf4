using System.Text.Json.Nodes;

namespace Gateway.Tests.Channels.Apns;

/// <summary>One push the fake APNs accepted for checking: the device path, the APNs headers, the provider token and the JSON payload.</summary>
internal sealed record ApnsPush(string DeviceToken, IReadOnlyDictionary<string, string> Headers, string ProviderToken, JsonNode Payload);
