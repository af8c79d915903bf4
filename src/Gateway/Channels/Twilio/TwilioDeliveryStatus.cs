using Gateway.V1;

namespace Gateway.Channels.Twilio;

/// <summary>
/// Twilio's message and call statuses as the decision's delivery status, with a rank so that a
/// report arriving late (Twilio does not order its callbacks) never replaces a final one.
/// </summary>
internal static class TwilioDeliveryStatus
{
    public static (DeliveryStatus Status, int Rank) OfMessage(string word) => word switch
    {
        "queued" or "accepted" or "sending" or "sent" => (DeliveryStatus.Sent, 1),
        "delivered" or "read" => (DeliveryStatus.Delivered, 3),
        "undelivered" => (DeliveryStatus.Undelivered, 3),
        "failed" => (DeliveryStatus.Failed, 3),
        _ => (DeliveryStatus.Unspecified, 0),
    };

    /// <summary>
    /// A completed call is a conversation when it lasted and no machine answered; without machine
    /// detection's answer it counts as one, the stricter reading for the caps.
    /// </summary>
    public static (DeliveryStatus Status, int Rank) OfCall(string word, Dictionary<string, string> form) => word switch
    {
        "initiated" or "ringing" or "in-progress" or "queued" => (DeliveryStatus.Sent, 1),
        "completed" when int.TryParse(form.GetValueOrDefault("CallDuration"), out var seconds) && seconds > 0
            && !(form.GetValueOrDefault("AnsweredBy") ?? "human").StartsWith("machine", StringComparison.Ordinal)
            && form.GetValueOrDefault("AnsweredBy") != "fax" => (DeliveryStatus.Conversation, 3),
        "completed" or "busy" or "no-answer" or "canceled" => (DeliveryStatus.AttemptOnly, 3),
        "failed" => (DeliveryStatus.Failed, 3),
        _ => (DeliveryStatus.Unspecified, 0),
    };
}
