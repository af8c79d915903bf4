
namespace Gateway.Observability;

/// <summary>Logs of carriers and their webhooks. Event ids 1400–1499 are stable; contact points never appear.</summary>
internal static partial class CarrierLog
{
    [LoggerMessage(1400, LogLevel.Warning, "Carrier {Carrier} circuit opened for {BreakDuration} after repeated failures; its channels fail over without calling it")]
    public static partial void CircuitOpened(ILogger logger, string carrier, TimeSpan breakDuration);

    [LoggerMessage(1401, LogLevel.Information, "Carrier {Carrier} circuit half-open: one message probes the carrier")]
    public static partial void CircuitHalfOpened(ILogger logger, string carrier);

    [LoggerMessage(1402, LogLevel.Information, "Carrier {Carrier} circuit closed: the carrier answers again")]
    public static partial void CircuitClosed(ILogger logger, string carrier);

    [LoggerMessage(1403, LogLevel.Warning, "Carrier {Carrier} did not take reminder {ReminderId} ({Status}: {Detail}); trying the next carrier of the channel if any")]
    public static partial void Rejected(ILogger logger, string carrier, string reminderId, string status, string detail);

    [LoggerMessage(1404, LogLevel.Warning, "Carrier {Carrier} may or may not have reminder {ReminderId} ({Detail}); not resending it")]
    public static partial void Ambiguous(ILogger logger, string carrier, string reminderId, string detail);

    [LoggerMessage(1405, LogLevel.Warning, "Refused a {Webhook} webhook: {Why}")]
    public static partial void WebhookRefused(ILogger logger, string webhook, string why);

    [LoggerMessage(1406, LogLevel.Information, "Inbound stop keyword recorded as an SMS opt-out for {Debtors} debtor record(s)")]
    public static partial void OptedOut(ILogger logger, int debtors);

    [LoggerMessage(1407, LogLevel.Warning, "A {Webhook} webhook could not be applied because the store did not answer; the carrier will retry it")]
    public static partial void WebhookStoreUnavailable(ILogger logger, string webhook, Exception exception);

    [LoggerMessage(1408, LogLevel.Warning, "Inbound {Keyword} keyword from a number no debtor was sent from this gateway; nothing recorded")]
    public static partial void KeywordFromUnknownNumber(ILogger logger, string keyword);

    [LoggerMessage(1409, LogLevel.Error, "Reminder {ReminderId} was sent but its number could not be indexed for inbound replies; a STOP from it will not be matched until the next send")]
    public static partial void InboundIndexFailed(ILogger logger, string reminderId, Exception exception);

    [LoggerMessage(1412, LogLevel.Information, "Inbound start keyword recorded as the person's own SMS opt-in for {Debtors} debtor record(s)")]
    public static partial void OptedIn(ILogger logger, int debtors);

    [LoggerMessage(1410, LogLevel.Information, "Carrier {Carrier} refused reminder {ReminderId} because the recipient opted out; recorded as an opt-out for {Debtors} debtor record(s), no failover")]
    public static partial void CarrierOptOutRecorded(ILogger logger, string carrier, string reminderId, int debtors);

    [LoggerMessage(1411, LogLevel.Error, "Carrier {Carrier} refused reminder {ReminderId} because the recipient opted out, and the opt-out could not be recorded; the carrier will refuse the next one too")]
    public static partial void CarrierOptOutNotRecorded(ILogger logger, string carrier, string reminderId, Exception exception);
}
