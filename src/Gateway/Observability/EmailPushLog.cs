
namespace Gateway.Observability;

/// <summary>
/// Logs of the email and push carriers. Event ids 1500–1599 are stable. Email addresses and device
/// tokens never appear: details are built from status codes and the carrier's error code, never from
/// a server's free text (an SMTP 550 line usually repeats the address).
/// </summary>
internal static partial class EmailPushLog
{
    [LoggerMessage(1500, LogLevel.Debug, "Carrier {Carrier} accepted reminder {ReminderId} as {MessageId}")]
    public static partial void Accepted(ILogger logger, string carrier, string reminderId, string messageId);

    [LoggerMessage(1501, LogLevel.Warning, "Carrier {Carrier} rejected reminder {ReminderId} (retryable: {Retryable}): {Detail}")]
    public static partial void Rejected(ILogger logger, string carrier, string reminderId, bool retryable, string detail);

    [LoggerMessage(1502, LogLevel.Warning, "Carrier {Carrier} may or may not have reminder {ReminderId}: {Detail}; it must not be resent blindly")]
    public static partial void Ambiguous(ILogger logger, string carrier, string reminderId, string detail);

    [LoggerMessage(1503, LogLevel.Information, "Carrier {Carrier} obtained a new access credential, valid until {ExpiresAt}")]
    public static partial void CredentialRefreshed(ILogger logger, string carrier, DateTimeOffset expiresAt);

    [LoggerMessage(1506, LogLevel.Warning, "Refused an unsubscribe link the gateway did not seal")]
    public static partial void UnsubscribeRefused(ILogger logger);

    [LoggerMessage(1507, LogLevel.Information, "Unsubscribed the address of reminder {ReminderId} from email for {Debtors} debtor(s)")]
    public static partial void Unsubscribed(ILogger logger, string reminderId, int debtors);
}
