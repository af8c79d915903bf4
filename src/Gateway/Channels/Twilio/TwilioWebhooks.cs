
namespace Gateway.Channels.Twilio;

/// <summary>The carrier's webhooks on the gateway's HTTP/1.1 endpoint. Each checks <c>X-Twilio-Signature</c> before anything else.</summary>
internal static class TwilioWebhooks
{
    /// <summary>Message and call status callbacks (the address the carrier is given with each request).</summary>
    public const string StatusPath = "webhooks/twilio/status";

    /// <summary>Inbound SMS: configure it as the sender number's messaging webhook.</summary>
    public const string InboundPath = "webhooks/twilio/inbound";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + StatusPath, (HttpContext http, TwilioWebhookHandler handler) => handler.StatusAsync(http)).DisableAntiforgery();
        endpoints.MapPost("/" + InboundPath, (HttpContext http, TwilioWebhookHandler handler) => handler.InboundAsync(http)).DisableAntiforgery();
        return endpoints;
    }
}
