using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.Channels.Fcm;

/// <summary>
/// The JSON of a <c>messages:send</c> request (FCM HTTP v1): the device token, the notification, and
/// the same expiry for both platforms, <c>android.ttl</c> and the APNs <c>apns-expiration</c> header
/// FCM forwards to Apple.
/// </summary>
internal static class FcmBody
{
    public static JsonObject Create(OutboundMessage message, DateTimeOffset now, TimeSpan timeToLive) => new()
    {
        ["message"] = new JsonObject
        {
            ["token"] = message.To.Value,
            ["notification"] = new JsonObject
            {
                ["title"] = message.Content.Subject ?? string.Empty,
                ["body"] = message.Content.Body,
            },
            ["android"] = new JsonObject
            {
                ["ttl"] = ((long)timeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            },
            ["apns"] = new JsonObject
            {
                ["headers"] = new JsonObject
                {
                    ["apns-expiration"] = (now + timeToLive).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                },
            },
        },
    };
}
