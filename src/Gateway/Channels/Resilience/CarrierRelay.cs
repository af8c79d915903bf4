using Gateway.Decisions;
using System.Diagnostics;
using System.Globalization;
using Gateway.Observability;
using Gateway.Store;
using Gateway.V1;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Channels.Resilience;

/// <summary>
/// Relays one message through its channel's carriers in failover order, each behind its own
/// resilience pipeline, all inside one deadline. The next carrier is tried only when the previous
/// one definitely did not take the message; an ambiguous outcome ends the relay, because sending
/// through a second carrier could reach the debtor twice.
/// </summary>
internal sealed class CarrierRelay(
    CarrierRouter router,
    CarrierResilience resilience,
    InboundIndex inbound,
    GuardrailStore store,
    CarrierThrottle throttle,
    IOptions<CarrierResilienceOptions> options,
    GatewayMetrics metrics,
    WallClock wall,
    ILogger<CarrierRelay> logger) : ICarrierRelay
{
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(50);

    /// <summary>Left of the caller's deadline for recording the decision and answering, so the answer arrives in time.</summary>
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>The carriers' last word, or null when the channel has no carrier.</summary>
    public async Task<CarrierResult?> RelayAsync(OutboundMessage message, DateTime callerDeadline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = router.For(message.Channel);
        if (route.Count == 0)
        {
            return null;
        }

        var deadline = wall.GetUtcNow() + options.Value.RelayTimeout;
        if (callerDeadline != DateTime.MaxValue && new DateTimeOffset(DateTime.SpecifyKind(callerDeadline, DateTimeKind.Utc)) - AnswerMargin < deadline)
        {
            deadline = new DateTimeOffset(DateTime.SpecifyKind(callerDeadline, DateTimeKind.Utc)) - AnswerMargin;
        }

        message = message with { Deadline = deadline };
        CarrierResult? last = null;
        foreach (var carrier in route)
        {
            var result = await SendThroughAsync(carrier, message, deadline).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case CarrierOutcome.Accepted:
                    await RememberSenderAsync(message).ConfigureAwait(false);
                    return result;
                case CarrierOutcome.Ambiguous:
                    CarrierLog.Ambiguous(logger, carrier.Name, message.ReminderId, result.Detail);
                    return result;
                case CarrierOutcome.RecipientOptedOut:
                    // The person's word at one carrier holds at every carrier: no failover.
                    await RecordOptOutAsync(message, carrier.Name).ConfigureAwait(false);
                    return result;
                default:
                    CarrierLog.Rejected(logger, carrier.Name, message.ReminderId, result.Status, result.Detail);
                    last = result;
                    break;
            }
        }

        return last;
    }

    private async Task<CarrierResult> SendThroughAsync(ICarrier carrier, OutboundMessage message, DateTimeOffset deadline)
    {
        if (deadline - wall.GetUtcNow() < MinimumAttempt)
        {
            return CarrierResult.Reject(carrier.Name, "the relay's deadline passed before this carrier could be tried", status: "skipped") with { Reason = ReasonCode.CarrierUnavailable };
        }

        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(CarrierResilience.Deadline, deadline);
        try
        {
            var pipelines = resilience.For(carrier);
            return await pipelines.Outer.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync(state.Carrier, state.Attempt, state.Message, ctx).ConfigureAwait(false),
                context,
                (Self: this, Carrier: carrier, pipelines.Attempt, Message: message)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            metrics.CarrierRequests.WithLabels(carrier.Name, "circuit_open").Inc();
            return CarrierResult.Reject(carrier.Name, "its circuit breaker is open; not called", status: "circuit_open") with { Reason = ReasonCode.CarrierUnavailable };
        }
        catch (TimeoutRejectedException)
        {
            return CarrierResult.Unknown(carrier.Name, "no answer within the attempt's time limit after the request was sent", idempotent: false, status: "timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            // A carrier classifies what it can; anything left is a fault it could not place, so
            // whether the message went out is unknown.
            return CarrierResult.Unknown(carrier.Name, $"unclassified failure {ex.GetType().Name}", idempotent: false, status: "error");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<CarrierResult> AttemptAsync(ICarrier carrier, ResiliencePipeline<CarrierResult> attempt, OutboundMessage message, ResilienceContext context)
    {
        if (carrier is IThroughputLimited limited)
        {
            // The sender's slot comes first, outside the attempt's time limit: waiting for it is
            // not the carrier being slow, and a wait that would pass the deadline sends nothing.
            var (sender, perSecond) = limited.ThroughputFor(message.Channel);
            try
            {
                if (!await throttle.WaitTurnAsync(carrier.Name, sender, perSecond, message.Deadline - MinimumAttempt, context.CancellationToken).ConfigureAwait(false))
                {
                    metrics.CarrierRequests.WithLabels(carrier.Name, "throttled").Inc();
                    return CarrierResult.Throttled(carrier.Name, $"the sender's next slot ({perSecond.ToString(CultureInfo.InvariantCulture)} per second) is past the deadline");
                }
            }
            catch (StoreUnavailableException)
            {
                metrics.CarrierRequests.WithLabels(carrier.Name, "throttle_unavailable").Inc();
                return CarrierResult.Reject(carrier.Name, "the throughput limit could not be checked (store unavailable)", status: "throttle_unavailable");
            }
        }

        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var result = await attempt.ExecuteAsync(
                static async (ctx, state) => await state.Carrier.SendAsync(state.Message, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Carrier: carrier, Message: message)).ConfigureAwait(false);
            status = result.Status;
            return result;
        }
        catch (TimeoutRejectedException)
        {
            status = "timeout";
            throw;
        }
        finally
        {
            metrics.CarrierRequests.WithLabels(carrier.Name, status).Inc();
            metrics.CarrierDuration.WithLabels(carrier.Name).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>
    /// A carrier's opt-out is the person's: recorded as one for this channel at this contact point,
    /// for the debtor of the message and every other debtor of the same tenant this number or
    /// address was sent for (a household line, a co-borrower). Other tenants are not touched: the
    /// opt-out was made to a sender, and a sender is the tenant's. When it cannot be recorded, the
    /// next reminder meets the same refusal at the carrier, so nothing reaches the person meanwhile.
    /// </summary>
    private async Task RecordOptOutAsync(OutboundMessage message, string carrier)
    {
        if (message.DebtorId.Length == 0)
        {
            return;
        }

        try
        {
            var known = message.Channel is Channel.Sms or Channel.Email ? await inbound.LookupAsync(message.To, CancellationToken.None).ConfigureAwait(false) : [];
            var debtors = known.Where(entry => entry.TenantId == message.TenantId).Select(entry => entry.DebtorId).Append(message.DebtorId).Distinct(StringComparer.Ordinal).ToList();
            foreach (var debtorId in debtors)
            {
                await store.SetConsentAsync(message.TenantId, debtorId, message.Channel, message.To, granted: false, ConsentSource.Carrier, CancellationToken.None).ConfigureAwait(false);
            }

            CarrierLog.CarrierOptOutRecorded(logger, carrier, message.ReminderId, debtors.Count);
        }
        catch (StoreUnavailableException ex)
        {
            CarrierLog.CarrierOptOutNotRecorded(logger, carrier, message.ReminderId, ex);
        }
    }

    /// <summary>
    /// An SMS can be answered with STOP and an email unsubscribed from its link: remember, under a
    /// keyed hash of the number or address, whose debt it was about.
    /// </summary>
    private async Task RememberSenderAsync(OutboundMessage message)
    {
        if (message.Channel is not (Channel.Sms or Channel.Email) || message.DebtorId.Length == 0)
        {
            return;
        }

        try
        {
            await inbound.RememberAsync(message.To, message.TenantId, message.DebtorId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            CarrierLog.InboundIndexFailed(logger, message.ReminderId, ex);
        }
    }
}
