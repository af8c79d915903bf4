using System.Security;
using Gateway.Observability;
using Gateway.Requests;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Twilio;

/// <summary>
/// Applies the carrier's webhooks: a status callback updates the decision's delivery status (and a
/// call that became a conversation counts against the conversation caps); an inbound stop keyword
/// records the SMS opt-out at once for every tenant and debtor this gateway texted at that number,
/// and a start keyword the person's own opt-in (the only thing that undoes their stop); each is
/// confirmed by one TwiML reply, only when it changed something. A request without a valid
/// signature is refused with 403 before anything is read into the store.
/// </summary>
internal sealed class TwilioWebhookHandler(
    IOptions<TwilioOptions> options,
    GuardrailStore store,
    InboundIndex inbound,
    TenantDirectory tenants,
    RuleSetProvider rules,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<TwilioWebhookHandler> logger)
{
    private static readonly HashSet<string> StatusWords = new(StringComparer.Ordinal)
    {
        "queued", "accepted", "sending", "sent", "delivered", "read", "failed", "undelivered",
        "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "canceled",
    };

    public async Task<IResult> StatusAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await VerifiedFormAsync(http, "status").ConfigureAwait(false) is not { } form)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var query = http.Request.Query;
        string tenantId = query["t"].ToString(), debtorId = query["d"].ToString(), debtId = query["b"].ToString(), reminderId = query["r"].ToString();
        if (!tenants.Tenants.ContainsKey(tenantId) || !ReminderValidator.IsIdentifier(debtorId) || !ReminderValidator.IsReminderId(reminderId))
        {
            return Results.BadRequest();
        }

        var voice = query["c"] == "voice";
        var word = (voice ? form.GetValueOrDefault("CallStatus") : form.GetValueOrDefault("MessageStatus")) ?? string.Empty;
        metrics.DeliveryStatus.WithLabels(TwilioCarrier.CarrierName, StatusWords.Contains(word) ? word : "other").Inc();
        var (status, rank) = voice ? TwilioDeliveryStatus.OfCall(word, form) : TwilioDeliveryStatus.OfMessage(word);
        if (status == DeliveryStatus.Unspecified)
        {
            return Results.Ok();
        }

        try
        {
            var recorded = await store.SetDeliveryStatusAsync(tenantId, debtorId, reminderId, status, rank, http.RequestAborted).ConfigureAwait(false);
            if (recorded && status == DeliveryStatus.Conversation && form.GetValueOrDefault("To") is { } to && ReminderValidator.IsIdentifier(debtId))
            {
                // The reservation already counted the call as an attempt; a conversation feeds the
                // caps that count conversations only (for example a week's silence after one).
                var contact = ReminderValidator.ValidateContact(Channel.Voice, to, "To", []);
                var caps = rules.InForce.JurisdictionFor(tenantId).CapsFor(Channel.Voice).Where(cap => cap.Counts == CapCounts.Conversations).ToList();
                if (contact is not null)
                {
                    await store.RecordContactAsync(tenantId, debtorId, debtId, contact, "call:" + reminderId, time.GetUtcNow(), caps, http.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        catch (StoreUnavailableException ex)
        {
            CarrierLog.WebhookStoreUnavailable(logger, "status", ex);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    public async Task<IResult> InboundAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await VerifiedFormAsync(http, "inbound").ConfigureAwait(false) is not { } form)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var reply = form.GetValueOrDefault("Body");
        var optIn = ReplyKeywords.IsStart(reply);
        if (!optIn && !ReplyKeywords.IsStop(reply))
        {
            return Twiml(null);
        }

        var contact = ReminderValidator.ValidateContact(Channel.Sms, form.GetValueOrDefault("From") ?? string.Empty, "From", []);
        if (contact is null)
        {
            return Twiml(null);
        }

        var confirm = false;
        try
        {
            var debtors = await inbound.LookupAsync(contact, http.RequestAborted).ConfigureAwait(false);
            foreach (var (tenantId, debtorId) in debtors.Where(entry => tenants.Tenants.ContainsKey(entry.TenantId)))
            {
                var record = await store.SetConsentAsync(tenantId, debtorId, Channel.Sms, contact, granted: optIn, ConsentSource.Keyword, http.RequestAborted).ConfigureAwait(false);
                confirm |= record.Changed;
            }

            if (debtors.Count == 0)
            {
                CarrierLog.KeywordFromUnknownNumber(logger, optIn ? "start" : "stop");
            }
            else if (optIn)
            {
                CarrierLog.OptedIn(logger, debtors.Count);
            }
            else
            {
                CarrierLog.OptedOut(logger, debtors.Count);
            }
        }
        catch (StoreUnavailableException ex)
        {
            // Not applied: a 503 makes the carrier's webhook fail visibly rather than drop the stop.
            CarrierLog.WebhookStoreUnavailable(logger, "inbound", ex);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // Only the keyword that changed something is answered, so repeated stops get no reply.
        return Twiml(confirm ? optIn ? options.Value.StartConfirmation : options.Value.StopConfirmation : null);
    }

    private static IResult Twiml(string? message) => Results.Content(
        message is null ? "<Response/>" : $"<Response><Message>{SecurityElement.Escape(message)}</Message></Response>",
        "text/xml");

    private async Task<Dictionary<string, string>?> VerifiedFormAsync(HttpContext http, string webhook)
    {
        var settings = options.Value;
        if (!http.Request.HasFormContentType)
        {
            CarrierLog.WebhookRefused(logger, webhook, "not a form post");
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var fields = form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var url = settings.PublicUrlOf(http.Request.Path.ToUriComponent().TrimStart('/') + http.Request.QueryString.ToUriComponent());
        if (!TwilioSignature.IsValid(settings.AuthToken, url, fields, http.Request.Headers["X-Twilio-Signature"].ToString()))
        {
            CarrierLog.WebhookRefused(logger, webhook, "missing or bad X-Twilio-Signature");
            return null;
        }

        return fields;
    }
}
