using System.Net;
using Gateway.Channels.Twilio;

namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// Posts webhooks to a gateway as the carrier does: a form body, signed over the public URL the
/// carrier was given (<see cref="FakeTwilio.PublicBaseUrl"/>), delivered to the gateway's real
/// loopback HTTP endpoint, as through a proxy.
/// </summary>
internal static class TwilioWebhookClient
{
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(GatewayTestHost host, string publicUrl, IReadOnlyDictionary<string, string> form, string? signature = "sign")
    {
        var pathAndQuery = publicUrl[FakeTwilio.PublicBaseUrl.Length..];
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + pathAndQuery, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature == "sign" ? TwilioSignature.Compute(FakeTwilio.AuthToken, publicUrl, form) : signature);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<(HttpStatusCode Status, string Body)> InboundAsync(GatewayTestHost host, string from, string body, string? signature = "sign") =>
        PostAsync(host, FakeTwilio.PublicBaseUrl + TwilioWebhooks.InboundPath, new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["From"] = from,
            ["To"] = FakeTwilio.SmsFrom,
            ["Body"] = body,
        }, signature);
}
