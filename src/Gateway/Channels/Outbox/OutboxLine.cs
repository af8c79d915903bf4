using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Channels.Outbox;

/// <summary>One line of the sandbox outbox. The recipient is in clear: the outbox plays the carrier, which must know it.</summary>
public sealed record OutboxLine(
    string MessageId,
    string ReminderId,
    string Tenant,
    string Channel,
    string To,
    string TemplateId,
    string Locale,
    string? Subject,
    string Body,
    DateTimeOffset AcceptedAt)
{
    // The outbox is a file for people to read, never HTML: keep "+" and non-ASCII text as written.
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
