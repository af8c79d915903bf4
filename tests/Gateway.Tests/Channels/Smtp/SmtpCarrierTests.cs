using System.Net;
using Gateway.Channels;
using Gateway.Channels.Smtp;
using Gateway.Observability;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Channels.Smtp;

/// <summary>The SMTP carrier through ICarrier.SendAsync against a fake relay speaking real SMTP with STARTTLS on loopback.</summary>
public sealed class SmtpCarrierTests : IDisposable
{
    private static readonly byte[] TokenKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly GatewayMetrics _metrics = new();
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task SendAsync_OverStartTls_DeliversPlainAndHtmlPartsWithUnsubscribeHeaders()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server);

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Accepted, result.Outcome);
        Assert.True(result.Accepted);
        Assert.Equal($"{CarrierTestMessages.ReminderId}@lender.example", result.MessageId);
        var mail = Assert.Single(relay.Messages);
        Assert.True(mail.OverTls);
        Assert.Equal(FakeSmtpServer.User, mail.AuthenticatedAs);
        Assert.Equal("reminders@lender.example", mail.MailFrom);
        Assert.Equal([CarrierTestMessages.Email], mail.Recipients);

        var message = mail.Parse();
        Assert.Equal(result.MessageId, message.MessageId);
        Assert.Equal(CarrierTestMessages.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Your payment is overdue", message.Subject);
        Assert.Equal(CarrierTestMessages.Body, message.TextBody!.TrimEnd().ReplaceLineEndings("\n"));
        Assert.Contains(
            "<p>Acme Lending: Hi Avery, a payment of USD 120.50 &lt;on account ****0001&gt; is overdue &amp; due now.<br>\nPay in the app.</p>\n<p>Reply STOP to opt out.</p>",
            message.HtmlBody!.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var unsubscribe = message.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<mailto:unsubscribe@lender\.example\?subject=unsubscribe%20[A-Za-z0-9_-]+>, <https://lender\.example/unsubscribe\?token=[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.DoesNotContain("avery", unsubscribe, StringComparison.OrdinalIgnoreCase);
        var token = unsubscribe[(unsubscribe.LastIndexOf("token=", StringComparison.Ordinal) + 6)..^1];
        Assert.True(new UnsubscribeToken(TokenKey).TryOpen(token, out var opened));
        Assert.Equal((CarrierTestMessages.Tenant, CarrierTestMessages.ReminderId, CarrierTestMessages.Email), opened);

        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("smtp", "accepted").Value);
        var transcript = relay.Transcript.ToList();
        Assert.True(transcript.FindIndex(line => line.StartsWith("STARTTLS", StringComparison.Ordinal)) < transcript.FindIndex(line => line.StartsWith("AUTH", StringComparison.Ordinal)), "AUTH went before STARTTLS");
    }

    [Fact]
    public async Task SendAsync_RelayOffersOnlyLogin_AuthenticatesWithLogin()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, mechanisms: "LOGIN");

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Accepted, result.Outcome);
        Assert.Equal("LOGIN", Assert.Single(relay.Messages).AuthMechanism);
    }

    [Fact]
    public async Task SendAsync_Recipient550_RejectedForGoodWithoutTheAddress()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, SmtpFault.RejectRecipient);

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.False(result.Retryable);
        Assert.Equal("smtp 550 at RCPT TO", result.Detail);
        Assert.Empty(relay.Messages);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("smtp", "rejected").Value);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("avery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendAsync_Greeting421_RejectedRetryable()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, SmtpFault.BusyOnConnect);

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.True(result.Retryable, result.Detail);
        Assert.StartsWith("smtp 421", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RejectedRetryable()
    {
        var result = await Carrier(FreePort.Next()).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.True(result.Retryable);
        Assert.Equal("smtp connection lost before DATA", result.Detail);
    }

    [Fact]
    public async Task SendAsync_ConnectionClosedAfterData_AmbiguousWithOurMessageId()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, SmtpFault.CloseAfterData);

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Ambiguous, result.Outcome);
        Assert.False(result.Accepted);
        Assert.False(result.Retryable);
        Assert.Equal($"{CarrierTestMessages.ReminderId}@lender.example", result.MessageId);
        Assert.Equal(1, _metrics.CarrierRequests.WithLabels("smtp", "ambiguous").Value);
    }

    [Fact]
    public async Task SendAsync_NoReplyAfterData_TimesOutAmbiguous()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, SmtpFault.HangAfterData);

        var result = await Carrier(relay.Port, timeout: TimeSpan.FromSeconds(1)).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Ambiguous, result.Outcome);
        // MailKit's socket timeout and the carrier's budget are equal here, so either may fire first.
        Assert.EndsWith("after DATA", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CertificateNotPinned_RefusesTheSelfSignedRelay()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server);

        var result = await Carrier(relay.Port, trust: null).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.Contains("certificate", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(relay.Transcript, line => line.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.Empty(relay.Messages);
    }

    [Fact]
    public async Task SendAsync_RelayWithoutStartTls_SendsNothingInClear()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server, SmtpFault.NoStartTls);

        var result = await Carrier(relay.Port).SendAsync(CarrierTestMessages.EmailTo(), CancellationToken.None);

        Assert.Equal(CarrierOutcome.Rejected, result.Outcome);
        Assert.DoesNotContain(relay.Transcript, line => line.StartsWith("AUTH", StringComparison.Ordinal) || line.StartsWith("MAIL", StringComparison.Ordinal));
    }

    public void Dispose() => _logs.Dispose();

    private SmtpCarrier Carrier(int port, string? trust = "pinned", TimeSpan? timeout = null) => new(
        Options.Create(new SmtpCarrierOptions
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = FakeSmtpServer.User,
            Password = FakeSmtpServer.Password,
            FromAddress = "reminders@lender.example",
            FromName = "Acme Lending",
            UnsubscribeMailto = "unsubscribe@lender.example",
            UnsubscribeUrl = "https://lender.example/unsubscribe",
            UnsubscribeTokenKey = Convert.ToBase64String(TokenKey),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            TrustedCertificateSha256 = trust is null ? null : TestCertificate.Sha256,
        }),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero)),
        TestWallClock.Real,
        _metrics,
        _logs.For<SmtpCarrier>());
}
