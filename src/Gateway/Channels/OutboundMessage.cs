using Gateway.Guards.Content;
using Gateway.Requests;
using Gateway.V1;

namespace Gateway.Channels;

/// <summary>One message ready to relay: every guardrail has passed.</summary>
internal sealed record OutboundMessage(string ReminderId, string TenantId, Channel Channel, ContactPoint To, string TemplateId, string Locale, RenderedMessage Content)
{
    /// <summary>
    /// When the message stops being worth delivering, or null for the carrier's default. Push carriers
    /// turn it into a time to live (APNs <c>apns-expiration</c>, FCM <c>android.ttl</c>) so that a
    /// reminder is not shown hours later, outside contact hours or after the debt was paid. The
    /// pipeline is to fill it from the request's <c>defer_until</c>/validity; until it does, carriers
    /// use their configured default.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
