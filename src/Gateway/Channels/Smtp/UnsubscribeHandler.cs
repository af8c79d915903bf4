using Gateway.Observability;
using Gateway.Requests;
using Gateway.Store;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Smtp;

/// <summary>
/// The endpoint behind every email's unsubscribe link. A one-click POST (RFC 8058) with a token the
/// gateway sealed opts the address out of email at once, for every debtor of that tenant the
/// address was written to about; a GET only shows a page with the button, because mail scanners
/// follow links. A token nobody sealed changes nothing.
/// </summary>
internal sealed class UnsubscribeHandler(IOptions<SmtpCarrierOptions> options, InboundIndex inbound, GuardrailStore store, ILogger<UnsubscribeHandler> logger)
{
    private readonly UnsubscribeToken _tokens = UnsubscribeToken.FromBase64(options.Value.UnsubscribeTokenKey);

    public static IResult Page(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = System.Net.WebUtility.HtmlEncode((string?)http.Request.Query["token"] ?? string.Empty);
        return Results.Content(
            $"<!doctype html><html><body><form method=\"post\" action=\"?token={token}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><p>Stop these emails?</p><button type=\"submit\">Unsubscribe</button></form></body></html>",
            "text/html");
    }

    public async Task<IResult> UnsubscribeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!_tokens.TryOpen((string?)http.Request.Query["token"] ?? string.Empty, out var sealedContents))
        {
            EmailPushLog.UnsubscribeRefused(logger);
            return Results.BadRequest("This unsubscribe link is not valid.");
        }

        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        var contact = ReminderValidator.ValidateContact(Channel.Email, sealedContents.Address, "address", violations);
        if (contact is null)
        {
            return Results.BadRequest("This unsubscribe link is not valid.");
        }

        try
        {
            var debtors = (await inbound.LookupAsync(contact, http.RequestAborted).ConfigureAwait(false)).Where(entry => entry.TenantId == sealedContents.TenantId).ToList();
            foreach (var (tenantId, debtorId) in debtors)
            {
                await store.SetConsentAsync(tenantId, debtorId, Channel.Email, contact, granted: false, ConsentSource.Unsubscribe, http.RequestAborted).ConfigureAwait(false);
            }

            EmailPushLog.Unsubscribed(logger, sealedContents.ReminderId, debtors.Count);
            return Results.Text("You are unsubscribed: no more reminder emails will be sent to this address.", "text/plain");
        }
        catch (StoreUnavailableException)
        {
            // The mail provider (or the person) tries again; nothing was half-recorded.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
