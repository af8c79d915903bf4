using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Gateway.Channels.Apns;

/// <summary>Maps APNs' answer. The detail carries the status and Apple's reason code only (BadDeviceToken, Unregistered…).</summary>
internal static class ApnsResponse
{
    public const string ExpiredProviderToken = "ExpiredProviderToken";

    public static CarrierResult Map(HttpStatusCode status, string body, string apnsId)
    {
        const string carrier = ApnsCarrier.CarrierName;
        var code = (int)status;
        if (status == HttpStatusCode.OK)
        {
            return CarrierResult.Accept(carrier, apnsId);
        }

        var reason = Reason(body);
        var detail = string.Create(CultureInfo.InvariantCulture, $"apns {code} {reason}").TrimEnd();
        return code switch
        {
            // 410: the token is no longer active for the topic (the app was removed, or push
            // turned off). Never to be used again, so an opt-out of push at that token.
            410 => CarrierResult.OptedOut(carrier, detail + ": the device token is retired"),
            400 => CarrierResult.Reject(carrier, detail),
            429 or 500 or 503 => CarrierResult.RejectRetryable(carrier, detail),

            // An expired provider token is ours to renew; the push itself may go again at once.
            403 when reason == ExpiredProviderToken => CarrierResult.RejectRetryable(carrier, detail),
            _ => CarrierResult.Reject(carrier, detail),
        };
    }

    private static string? Reason(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.GetString() is { Length: <= 40 } text
                && text.All(char.IsAsciiLetter)
                    ? text
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
