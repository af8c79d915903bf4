using Gateway.Decisions;
using System.Net.Sockets;
using Gateway.Observability;
using Gateway.V1;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Smtp;

/// <summary>
/// Email through an SMTP relay with MailKit: STARTTLS required, authenticated, one connection per
/// message (reminders are sparse; a pool would hold relay sessions open for nothing).
/// </summary>
internal sealed class SmtpCarrier(IOptions<SmtpCarrierOptions> options, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger<SmtpCarrier> logger) : ICarrier
{
    public const string CarrierName = "smtp";

    private readonly SmtpCarrierOptions _options = options.Value;
    private readonly EmailComposer _composer = new(options.Value);

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel == Channel.Email;

    public async Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = _composer.Compose(message, time.GetUtcNow());
        var messageId = _composer.MessageIdFor(message.ReminderId);
        var progress = new DataProgress();

        // The budget is real waiting on a network, so it runs on the system clock, not the business one.
        using var budget = new CancellationTokenSource(_options.Timeout, wall.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        CarrierResult result;
        try
        {
            await ExchangeAsync(email, progress, linked.Token).ConfigureAwait(false);
            result = CarrierResult.Accept(CarrierName, messageId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !progress.Started)
        {
            throw;
        }
        catch (Exception ex) when (IsClassifiable(ex))
        {
            // The exception itself is never logged: MailKit's messages quote the relay, and the
            // relay quotes the recipient's address.
            result = SmtpFailure.Classify(ex, progress.Started, messageId);
        }
        catch
        {
            CarrierReport.Error(CarrierName, metrics);
            throw;
        }

        return CarrierReport.Record(result, message.ReminderId, metrics, logger);
    }

    private async Task ExchangeAsync(MimeKit.MimeMessage email, DataProgress progress, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient
        {
            Timeout = (int)Math.Min(_options.Timeout.TotalMilliseconds, int.MaxValue),
            ServerCertificateValidationCallback = (_, certificate, _, errors) => CertificatePin.Validate(certificate, errors, _options.TrustedCertificateSha256),
        };
        await client.ConnectAsync(_options.Host, _options.Port, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(_options.Username, _options.Password, cancellationToken).ConfigureAwait(false);
        await client.SendAsync(email, cancellationToken, progress).ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or OperationCanceledException)
        {
            // The relay already took the message; a failed QUIT changes nothing about it.
        }
    }

    private static bool IsClassifiable(Exception ex) =>
        ex is SmtpCommandException or ProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException
            or NotSupportedException or IOException or SocketException or ServiceNotConnectedException or OperationCanceledException;
}
