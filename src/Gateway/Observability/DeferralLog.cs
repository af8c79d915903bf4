
namespace Gateway.Observability;

/// <summary>Logs of held reminders and their release. Event ids 1800–1899 are stable; contact points never appear.</summary>
internal static partial class DeferralLog
{
    [LoggerMessage(1800, LogLevel.Warning, "Held reminders could not be claimed: the store is unavailable")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1801, LogLevel.Information, "Release of held reminder {ReminderId} will be retried when its claim lapses ({Why})")]
    public static partial void ReleaseRetried(ILogger logger, string reminderId, string why);

    [LoggerMessage(1804, LogLevel.Error, "Release of held reminder {ReminderId} failed unexpectedly; it will be retried when its claim lapses")]
    public static partial void ReleaseFailed(ILogger logger, string reminderId, Exception exception);

    [LoggerMessage(1805, LogLevel.Error, "Polling for due held reminders failed unexpectedly; polling goes on")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(1802, LogLevel.Warning, "Held reminder {ReminderId} names tenant {Tenant}, which this instance does not serve; left alone")]
    public static partial void TenantGone(ILogger logger, string reminderId, string tenant);

    [LoggerMessage(1803, LogLevel.Warning, "Held reminder {ReminderId} ended: it is not valid under rule set v{Version} ({Fields})")]
    public static partial void NoLongerValid(ILogger logger, string reminderId, long version, string fields);
}
