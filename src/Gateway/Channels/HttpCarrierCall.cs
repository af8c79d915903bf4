using System.Net;
using System.Net.Http.Headers;

namespace Gateway.Channels;

/// <summary>
/// Sends one carrier request and sorts the answer into accepted, rejected (definitely not taken)
/// or ambiguous, which is all the relay acts on. Shared by the HTTP carriers so they classify the
/// same wire events the same way. Error details carry status and carrier codes only: carriers echo
/// the recipient's number in their error messages, and details end up in decisions.
/// </summary>
internal static class HttpCarrierCall
{
    public static HttpClient CreateClient(TimeSpan connectTimeout) => new(new SocketsHttpHandler
    {
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    })
    {
        // The resilience pipeline owns every time limit.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The most of a refusal's body a carrier's classifier reads: an error document is small, and a hostile one must not be buffered whole.</summary>
    private const int RefusalBodyLimit = 16 * 1024;

    /// <param name="idempotent">The carrier dedupes by the key the request carries, so repeating an ambiguous request is safe.</param>
    /// <param name="classifyRefusal">
    /// Reads a 4xx refusal's status and body for what only this carrier's error codes say (a
    /// recipient who opted out, say); null leaves the refusal a plain rejection.
    /// </param>
    public static async Task<CarrierResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string carrier,
        bool idempotent,
        IReadOnlyCollection<int> retryableStatusCodes,
        Func<HttpResponseMessage, CancellationToken, Task<CarrierResult>> onSuccess,
        CancellationToken cancellationToken,
        Func<int, string, CarrierResult?>? classifyRefusal = null)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError)
        {
            // No connection was made, so the carrier never saw the request.
            return CarrierResult.Unreachable(carrier, $"could not connect ({ex.HttpRequestError})");
        }
        catch (HttpRequestException ex)
        {
            // The connection broke after the request may have been written: the carrier may have it.
            return CarrierResult.Unknown(carrier, $"connection failed after sending ({ex.HttpRequestError})", idempotent);
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return await onSuccess(response, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return CarrierResult.Reject(carrier, "HTTP 429 (rate limited)", retryable: true, RetryAfterOf(response.Headers), status: "rate_limited");
            }

            if (retryableStatusCodes.Contains(code))
            {
                return CarrierResult.Reject(carrier, $"HTTP {code} (not taken)", retryable: true, RetryAfterOf(response.Headers), status: "unavailable") with { Reason = V1.ReasonCode.CarrierUnavailable };
            }

            if (code >= 500)
            {
                return CarrierResult.Unknown(carrier, $"HTTP {code}: the carrier failed and may have created the message", idempotent, status: "server_error");
            }

            if (classifyRefusal is not null && classifyRefusal(code, await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false)) is { } classified)
            {
                return classified;
            }

            return CarrierResult.Reject(carrier, $"HTTP {code}", status: "rejected");
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[RefusalBodyLimit];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += count;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    /// <summary>
    /// The carrier's own wait. A Retry-After date is read against the response's own Date header
    /// (RFC 9110 10.2.3), so that neither clock's skew against the carrier's matters; without one
    /// the date says nothing usable and the resilience pipeline's own backoff applies.
    /// </summary>
    private static TimeSpan? RetryAfterOf(HttpResponseHeaders headers) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when headers.Date is { } sent => date - sent is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
