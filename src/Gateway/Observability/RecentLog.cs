
namespace Gateway.Observability;

/// <summary>Logs of the recent-decisions log and its writer. Event ids 2000–2099 are stable; contact points never appear.</summary>
internal static partial class RecentLog
{
    [LoggerMessage(2000, LogLevel.Warning, "The recent-decisions log dropped {Count} decided requests in the last {Seconds} s ({Why}); a replay of recent decisions will not show them")]
    public static partial void Dropped(ILogger logger, long count, long seconds, string why);

    [LoggerMessage(2001, LogLevel.Error, "Writing the recent-decisions log failed unexpectedly; the batch was dropped and writing goes on")]
    public static partial void WriteFailed(ILogger logger, Exception exception);
}
