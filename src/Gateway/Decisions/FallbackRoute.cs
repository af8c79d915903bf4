using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>One validated fallback of a reminder: the channel, its template and where to send it.</summary>
internal sealed record FallbackRoute(Channel Channel, MessageTemplate Template, ContactPoint Contact);
