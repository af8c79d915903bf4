using System.Diagnostics;

namespace Gateway.Bench.Macro;

/// <summary>
/// Waits for an instant on the Stopwatch clock without spinning: the load generator shares two
/// cores with the gateway, so it sleeps in timer ticks (about a millisecond here) and then sends
/// everything that has fallen due. Requests that leave late still count from their intended instant.
/// </summary>
internal static class Schedule
{
    public static async ValueTask UntilAsync(long timestamp)
    {
        while (Stopwatch.GetTimestamp() < timestamp)
        {
            var remaining = TimeSpan.FromTicks((timestamp - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            await Task.Delay(remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
        }
    }
}
