using MimeKit;

namespace Gateway.Channels.Smtp;

/// <summary>
/// Builds the email a reminder becomes: plain text and HTML alternatives of the rendered template,
/// List-Unsubscribe with a mailto: and a one-click https link (RFC 2369 and RFC 8058; mailbox providers
/// require both of bulk senders), and a Message-ID of our own so the decision can name the message
/// before the relay answers.
/// </summary>
internal sealed class EmailComposer(SmtpCarrierOptions options)
{
    private readonly UnsubscribeToken _tokens = UnsubscribeToken.FromBase64(options.UnsubscribeTokenKey);
    private readonly string _domain = options.FromAddress[(options.FromAddress.LastIndexOf('@') + 1)..];

    public MimeMessage Compose(OutboundMessage message, DateTimeOffset now)
    {
        var email = new MimeMessage();
        email.From.Add(new MailboxAddress(options.FromName ?? string.Empty, options.FromAddress));
        email.To.Add(new MailboxAddress(string.Empty, message.To.Value));
        email.Subject = message.Content.Subject ?? string.Empty;
        email.Date = now;

        // Derived from the reminder id, so the same reminder always names the same message: a
        // mailbox that receives it twice (after an ambiguous relay was retried) can tell.
        email.MessageId = MessageIdFor(message.ReminderId);

        var token = _tokens.Seal(message.TenantId, message.ReminderId, message.To.Value);
        email.Headers.Add("List-Unsubscribe", $"<mailto:{options.UnsubscribeMailto}?subject=unsubscribe%20{token}>, <{options.UnsubscribeUrl}?token={token}>");
        email.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        email.Body = new BodyBuilder
        {
            TextBody = message.Content.Body,
            HtmlBody = EmailHtml.From(message.Content.Subject, message.Content.Body),
        }.ToMessageBody();
        return email;
    }

    public string MessageIdFor(string reminderId) => $"{reminderId}@{_domain}";
}
