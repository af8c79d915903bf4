namespace Gateway.Hosting;

/// <summary>Logs of stopping. Event ids 2300–2399 are stable.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(2300, LogLevel.Information, "Stopping: not ready now; accepting requests for {ReadinessDelay} more, then up to {DrainTimeout} for decisions in flight")]
    public static partial void DrainStarted(ILogger logger, TimeSpan readinessDelay, TimeSpan drainTimeout);

    [LoggerMessage(2301, LogLevel.Information, "Stopping: listeners closing, waiting for decisions in flight")]
    public static partial void ListenersClosing(ILogger logger);
}
