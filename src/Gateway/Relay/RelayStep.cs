using Gateway.Channels;
using Gateway.Channels.Resilience;
using Gateway.Decisions;
using Gateway.Guards.Content;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Relay;

/// <summary>
/// Step 5: renders the message from the lender's own figures and relays it through the channel's
/// carriers. The relay is not cancelled with the caller: once a carrier may have the message, the
/// gateway must learn the outcome and record it. The caller's deadline still bounds it.
/// </summary>
internal sealed class RelayStep(ICarrierRelay carriers, IOptions<StoreOptions> storeOptions, WallClock wall) : IDecisionStep
{
    public string Name => "relay";

    public async ValueTask<StepOutcome> RunAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A reservation holds its place only for its lease; past half of it, another instance may
        // soon treat it as abandoned, so this one must not relay on it.
        if (wall.Time.GetElapsedTime(context.ReservedAt) > storeOptions.Value.ReservationLease / 2)
        {
            context.Add(GuardVerdict.Unavailable("reservation", ReasonCode.ReservationExpired, "the recheck outlasted half the reservation lease"));
            return StepOutcome.FailClosed(ReasonCode.ReservationExpired, storeOptions.Value.RetryAfter, "The decision took too long to trust its reservation; nothing was sent.");
        }

        var request = context.Request;
        var content = TemplateRenderer.Render(context.Template, request.Parameters, SystemValues.For(context));
        var message = new OutboundMessage(context.ReminderId, request.TenantId, request.Channel, request.Contact, context.Template.Id, request.Locale, content, request.DebtorId, request.DebtId) { ExpiresAt = request.DeferUntil };
        var result = await carriers.RelayAsync(message, WallClock.ToGrpc(context.Deadline)).ConfigureAwait(false);
        if (result is null)
        {
            context.Add(GuardVerdict.Suppress("relay", ReasonCode.CarrierUnavailable, $"no carrier is configured for {RuleNames.Of(request.Channel)}"));
            return request.Fallbacks.Count > 0 ? StepOutcome.FallBack : StepOutcome.Decide(Outcome.Failed);
        }

        context.Carrier = new CarrierReceipt(result.Carrier, result.MessageId);
        switch (result.Outcome)
        {
            case CarrierOutcome.Accepted:
                context.Phase = ReservationPhase.RelayBegun;
                context.Add(GuardVerdict.Pass("relay", $"accepted by {result.Carrier}"));
                return StepOutcome.Decide(Outcome.Sent);
            case CarrierOutcome.RecipientOptedOut:
                // The person stopped messages at the carrier (recorded by the relay): suppressed
                // like any opt-out, and no fallback channel goes to them in this decision either.
                context.Add(GuardVerdict.Suppress("relay", ReasonCode.OptedOut, $"{result.Carrier}: {result.Detail}"));
                return StepOutcome.Decide(Outcome.Suppressed);
            case CarrierOutcome.Ambiguous:
                // Whether the carrier got the message is unknown, so the reservation stays counted.
                context.Phase = ReservationPhase.RelayBegun;
                context.Add(GuardVerdict.Suppress("relay", ReasonCode.CarrierOutcomeUnknown, $"{result.Carrier}: outcome unknown, not resent ({result.Detail})"));
                return StepOutcome.Decide(Outcome.Failed);
            default:
                // No carrier took it: it never counts against the debtor's caps.
                context.Add(GuardVerdict.Suppress("relay", result.Reason, $"{result.Carrier}: {result.Detail}"));
                return request.Fallbacks.Count > 0 ? StepOutcome.FallBack : StepOutcome.Decide(Outcome.Failed);
        }
    }
}
