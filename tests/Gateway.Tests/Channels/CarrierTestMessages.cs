using Gateway.Decisions;
using Gateway.Channels;
using Gateway.Guards.Content;
using Gateway.V1;

namespace Gateway.Tests.Channels;

/// <summary>Outbound messages as the pipeline hands them to a carrier, for carrier tests that call SendAsync directly.</summary>
internal static class CarrierTestMessages
{
    public const string ReminderId = "rem_01a2068d770a70b98ca95690fc5d7a4b";
    public const string Tenant = "acme";
    public const string Email = "avery.borrower@example.com";

    public const string Body = "Acme Lending: Hi Avery, a payment of USD 120.50 <on account ****0001> is overdue & due now.\nPay in the app.\n\nReply STOP to opt out.";

    public static OutboundMessage EmailTo(string address = Email) => new(
        ReminderId, Tenant, Channel.Email, new ContactPoint(Lending.V1.ContactKind.Email, address, null), "overdue-email", "en-US",
        new RenderedMessage("Your payment is overdue", Body));

    public static OutboundMessage PushTo(string deviceToken, DateTimeOffset? expiresAt = null) => new(
        ReminderId, Tenant, Channel.Push, new ContactPoint(Lending.V1.ContactKind.PushToken, deviceToken, null), "overdue-push", "en-US",
        new RenderedMessage("Payment overdue", "Acme Lending: a payment on account ****0001 is overdue."))
    {
        ExpiresAt = expiresAt,
    };
}
