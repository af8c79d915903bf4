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
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
