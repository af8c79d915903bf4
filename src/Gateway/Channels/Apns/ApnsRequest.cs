using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Gateway.Channels.Apns;

/// <summary>
/// One APNs request: <c>POST /3/device/{token}</c> over HTTP/2 with the provider token, the topic,
/// an alert push type, the priority, the expiration from the reminder's validity and its apns-id.
/// </summary>
internal static class ApnsRequest
{
    public static HttpRequestMessage Create(ApnsCarrierOptions options, OutboundMessage message, string providerToken, DateTimeOffset expiresAt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/3/device/{Uri.EscapeDataString(message.To.Value)}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = JsonContent.Create(new JsonObject
            {
                ["aps"] = new JsonObject
                {
                    ["alert"] = new JsonObject
                    {
                        ["title"] = message.Content.Subject ?? string.Empty,
                        ["body"] = message.Content.Body,
                    },
                },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", providerToken);
        request.Headers.Add("apns-topic", options.Topic);
        request.Headers.Add("apns-push-type", "alert");
        request.Headers.Add("apns-priority", options.Priority.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("apns-expiration", expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("apns-id", ApnsId.For(message.ReminderId).ToString("D"));
        return request;
    }
}
