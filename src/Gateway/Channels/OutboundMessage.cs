using Gateway.Guards.Content;
using Gateway.Requests;
using Gateway.V1;

namespace Gateway.Channels;

/// <summary>One message ready to relay: every guardrail has passed.</summary>
internal sealed record OutboundMessage(string ReminderId, string TenantId, Channel Channel, ContactPoint To, string TemplateId, string Locale, RenderedMessage Content);
