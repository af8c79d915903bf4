using System.Globalization;
using System.Text.Json;

namespace Gateway.Channels.Twilio;

/// <summary>
/// Reads Twilio's error document (<c>{"code": 21610, "message": …, "status": 400}</c>) on a refusal.
/// Code 21610, "Attempt to send to unsubscribed recipient", means the person replied STOP to this
/// sender or is on the account's opt-out list: an opt-out, never a reason to try another carrier.
/// Any other code is a plain rejection, its number kept in the detail for the operator; the
/// message is not kept, because Twilio's messages quote the recipient's number.
/// </summary>
internal static class TwilioErrors
{
    public const int UnsubscribedRecipient = 21610;

    public static CarrierResult? Classify(int status, string body) => CodeOf(body) switch
    {
        UnsubscribedRecipient => CarrierResult.OptedOut(TwilioCarrier.CarrierName, string.Create(CultureInfo.InvariantCulture, $"HTTP {status} code {UnsubscribedRecipient}: the recipient opted out at twilio")),
        { } code => CarrierResult.Reject(TwilioCarrier.CarrierName, string.Create(CultureInfo.InvariantCulture, $"HTTP {status} code {code}")),
        null => null,
    };

    private static int? CodeOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.TryGetInt32(out var value)
                    ? value
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
