using Gateway.Decisions;
using Gateway.Observability;

namespace Gateway.Channels;

/// <summary>
/// What every push carrier does around its one HTTP request: refuse a reminder already past its
/// expiry, hold the request to its budget, classify a request that got no answer, and count and log
/// the result. The carrier supplies only the request and the mapping of the answer.
/// </summary>
internal sealed class PushSend(string carrier, TimeSpan budget, TimeSpan defaultTimeToLive, TimeSpan limit, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger logger)
{
    /// <param name="messageId">The id the carrier will know the message by, kept on an ambiguous result so a receipt can settle it later.</param>
    /// <param name="send">Sends with the current time and the time to live, and maps the carrier's answer.</param>
    public async Task<CarrierResult> RunAsync(OutboundMessage message, string? messageId, Func<DateTimeOffset, TimeSpan, CancellationToken, Task<CarrierResult>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        if (!PushExpiry.TryTimeToLive(message.ExpiresAt, now, defaultTimeToLive, limit, out var timeToLive))
        {
            return CarrierReport.Record(PushExpiry.Expired(carrier), message.ReminderId, metrics, logger);
        }

        // The budget is real waiting on a network, so it runs on the system clock, not the business one.
        using var timeout = new CancellationTokenSource(budget, wall.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        CarrierResult result;
        try
        {
            result = await send(now, timeToLive, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (HttpFailure.IsClassifiable(ex))
        {
            var failure = HttpFailure.Classify(carrier, ex);
            result = failure.Outcome == CarrierOutcome.Ambiguous ? failure with { MessageId = messageId } : failure;
        }
        catch
        {
            CarrierReport.Error(carrier, metrics);
            throw;
        }

        return CarrierReport.Record(result, message.ReminderId, metrics, logger);
    }
}
