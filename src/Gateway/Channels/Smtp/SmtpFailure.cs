using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Gateway.Channels.Smtp;

/// <summary>
/// Classifies a failed SMTP exchange. A reply code is definite: 5xx refuses the message for good,
/// 4xx for now. Without a reply, what matters is whether the content had started to go out: before,
/// the relay cannot have it; after, it may have queued it, and a resend could deliver twice.
/// Details carry codes and stages only, never the relay's text, which often repeats the address.
/// </summary>
internal static class SmtpFailure
{
    public static CarrierResult Classify(Exception exception, bool contentStarted, string messageId)
    {
        const string carrier = SmtpCarrier.CarrierName;
        switch (exception)
        {
            case SmtpCommandException command:
                var code = (int)command.StatusCode;
                var detail = string.Create(CultureInfo.InvariantCulture, $"smtp {code} at {Stage(command.ErrorCode, contentStarted)}");
                return code is >= 500 and < 600 ? CarrierResult.Reject(carrier, detail) : CarrierResult.RejectRetryable(carrier, detail);
            case MailKit.Security.AuthenticationException:
                return CarrierResult.Reject(carrier, "smtp authentication refused (check Gateway:Carriers:Smtp:Username and Password)");
            case SslHandshakeException:
                return CarrierResult.Reject(carrier, "smtp TLS handshake failed: the relay's certificate is not trusted");
            case NotSupportedException:
                return CarrierResult.Reject(carrier, "smtp relay does not offer STARTTLS; nothing is sent in clear");
            default:
                var what = exception is OperationCanceledException ? "timed out" : "connection lost";
                return contentStarted
                    ? CarrierResult.Ambiguous(carrier, messageId, $"smtp {what} after DATA")
                    : CarrierResult.RejectRetryable(carrier, $"smtp {what} before DATA");
        }
    }

    private static string Stage(SmtpErrorCode error, bool contentStarted) => error switch
    {
        SmtpErrorCode.SenderNotAccepted => "MAIL FROM",
        SmtpErrorCode.RecipientNotAccepted => "RCPT TO",
        SmtpErrorCode.MessageNotAccepted => "end of DATA",
        _ => contentStarted ? "DATA" : "session",
    };
}
