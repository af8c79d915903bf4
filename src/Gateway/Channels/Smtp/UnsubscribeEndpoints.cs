using Microsoft.Extensions.Options;

namespace Gateway.Channels.Smtp;

/// <summary>Maps the unsubscribe endpoint at the path of <c>Gateway:Carriers:Smtp:UnsubscribeUrl</c>, on the HTTP/1.1 endpoint.</summary>
internal static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapEmailUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = new Uri(endpoints.ServiceProvider.GetRequiredService<IOptions<SmtpCarrierOptions>>().Value.UnsubscribeUrl).AbsolutePath;
        endpoints.MapGet(path, (HttpContext http) => UnsubscribeHandler.Page(http));
        endpoints.MapPost(path, (HttpContext http, UnsubscribeHandler handler) => handler.UnsubscribeAsync(http)).DisableAntiforgery();
        return endpoints;
    }
}
