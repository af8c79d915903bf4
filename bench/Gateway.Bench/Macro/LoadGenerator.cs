using System.Diagnostics;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Bench.Macro;

/// <summary>
/// Drives unary calls. Closed loop: a fixed number of callers, each sending its next request when
/// the last is answered (throughput at a concurrency). Open loop: requests leave on a fixed
/// schedule whether or not earlier ones were answered, and each latency is measured from the
/// instant the schedule said it should leave, so a stall in the gateway (or in this process) is
/// counted against every request it delayed instead of being hidden (coordinated omission).
/// </summary>
internal static class LoadGenerator
{
    public static async Task ClosedLoopAsync(Func<Reminder?> next, Func<Reminder, Task<CallOutcome>> call, int concurrency, TimeSpan duration, PhaseRecorder recorder)
    {
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && recorder.TryIssue())
            {
                if (next() is not { } reminder)
                {
                    recorder.Unissue();
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                recorder.Record(started, await InvokeAsync(call, reminder).ConfigureAwait(false));
            }
        }));
        await Task.WhenAll(callers).ConfigureAwait(false);
    }

    public static async Task OpenLoopAsync(Func<Reminder?> next, Func<Reminder, Task<CallOutcome>> call, double rate, TimeSpan duration, PhaseRecorder recorder)
    {
        var count = (long)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>((int)Math.Min(count, 1_000_000));
        for (long i = 0; i < count; i++)
        {
            var intended = start + (long)(i * interval);
            await Schedule.UntilAsync(intended).ConfigureAwait(false);
            if (!recorder.TryIssue())
            {
                break;
            }

            if (next() is not { } reminder)
            {
                recorder.Unissue();
                break;
            }

            inFlight.Add(SendAsync(reminder, intended));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);

        async Task SendAsync(Reminder reminder, long intended) => recorder.Record(intended, await InvokeAsync(call, reminder).ConfigureAwait(false));
    }

    /// <summary>An error is an answer too: it is recorded, and the invariants report it.</summary>
    private static async Task<CallOutcome> InvokeAsync(Func<Reminder, Task<CallOutcome>> call, Reminder reminder)
    {
        try
        {
            return await call(reminder).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            return CallOutcome.Of(ex);
        }
    }
}
