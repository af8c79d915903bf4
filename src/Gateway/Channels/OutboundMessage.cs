using Gateway.Decisions;
using Gateway.Guards.Content;
using Gateway.V1;

namespace Gateway.Channels;

/// <summary>
/// One message ready to relay: every guardrail has passed. <paramref name="DebtorId"/> and
/// <paramref name="DebtId"/> travel so that a carrier's status callback can find the decision and
/// the caps again; they are the lender's identifiers, never a contact point.
/// </summary>
internal sealed record OutboundMessage(string ReminderId, string TenantId, Channel Channel, ContactPoint To, string TemplateId, string Locale, RenderedMessage Content, string DebtorId = "", string DebtId = "")
{
    /// <summary>
    /// The instant (system clock) by which the relay must be over: a carrier never waits for its
    /// throughput limit past it. Set by the relay from the caller's deadline.
    /// </summary>
    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>
    /// When the message stops being worth delivering, or null for the carrier's default. Push carriers
    /// turn it into a time to live (APNs <c>apns-expiration</c>, FCM <c>android.ttl</c>) so that a
    /// reminder is not shown hours later, outside contact hours or after the debt was paid. The relay
    /// fills it from the request's <c>defer_until</c>.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
