using System.Security.Authentication;

namespace Gateway.Channels;

/// <summary>
/// Classifies a push request that got no HTTP answer. A connection that never opened cannot have
/// carried the request: rejected, retryable (or for good when the server's certificate is not
/// trusted). Anything later, a timeout included, may have reached the carrier: ambiguous, because
/// neither FCM nor APNs de-duplicates a resend.
/// </summary>
internal static class HttpFailure
{
    public static bool IsClassifiable(Exception exception) => exception is HttpRequestException or OperationCanceledException or IOException;

    public static CarrierResult Classify(string carrier, Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } or HttpRequestException { InnerException: AuthenticationException } =>
            CarrierResult.Reject(carrier, $"{carrier} TLS handshake failed: the server's certificate is not trusted"),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError } =>
            CarrierResult.RejectRetryable(carrier, $"{carrier} connection failed before the request was sent"),
        OperationCanceledException => CarrierResult.Ambiguous(carrier, null, $"{carrier} timed out after the request was sent"),
        _ => CarrierResult.Ambiguous(carrier, null, $"{carrier} connection lost after the request was sent"),
    };
}
