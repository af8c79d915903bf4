using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Gateway.Channels.Fcm;

/// <summary>
/// Maps FCM's answer. The detail carries the status and FCM's error code (UNREGISTERED,
/// INVALID_ARGUMENT…), never the error message, which may quote the device token.
/// </summary>
internal static class FcmResponse
{
    public const string Unregistered = "UNREGISTERED";

    public static CarrierResult Map(HttpStatusCode status, string body)
    {
        const string carrier = FcmCarrier.CarrierName;
        var code = (int)status;
        if (status == HttpStatusCode.OK)
        {
            return CarrierResult.Accept(carrier, Field(body, "name") ?? string.Empty);
        }

        var errorCode = Sanitized(ErrorCode(body));
        var detail = string.Create(CultureInfo.InvariantCulture, $"fcm {code} {errorCode}").TrimEnd();
        return code switch
        {
            // The registration token is no longer valid (the app was uninstalled): never to be used again.
            404 when errorCode == Unregistered => CarrierResult.OptedOut(carrier, detail + ": the registration token is retired"),
            400 or 404 => CarrierResult.Reject(carrier, detail),
            429 or 500 or 503 => CarrierResult.RejectRetryable(carrier, detail),

            // A proxy's 502 or 504 says nothing of whether FCM got the message.
            502 or 504 => CarrierResult.Ambiguous(carrier, null, detail),
            _ => CarrierResult.Reject(carrier, detail),
        };
    }

    /// <summary>Keeps an error code only if it looks like one, so no free text reaches a log or a decision.</summary>
    private static string? Sanitized(string? code) => code is { Length: <= 40 } && code.All(c => char.IsAsciiLetterUpper(c) || c == '_') ? code : null;

    private static string? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in details.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("errorCode", out var errorCode) && errorCode.ValueKind == JsonValueKind.String)
                    {
                        return errorCode.GetString();
                    }
                }
            }

            return error.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(string body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
