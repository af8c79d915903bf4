using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Bench.Macro;

/// <summary>
/// Drives SendReminders streams. The gateway answers each stream in request order, so a queue of
/// send instants pairs each response with its request. Closed loop: each stream keeps a window of
/// requests in flight. Open loop: each stream sends on its share of the schedule and latency
/// counts from the intended instant, as <see cref="LoadGenerator"/> does for unary calls.
/// </summary>
internal static class StreamLoad
{
    /// <summary>The window of an open-loop stream: far more than the gateway decides at once, so the schedule, not the window, paces it.</summary>
    private const int OpenLoopWindow = 4096;

    public static Task ClosedLoopAsync(Func<Reminder?> next, Func<AsyncDuplexStreamingCall<SendRemindersRequest, SendRemindersResponse>> open, int streams, int window, TimeSpan duration, PhaseRecorder recorder)
    {
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, streams).Select(_ => RunStreamAsync(next, open, window, recorder, _ => ValueTask.FromResult<long?>(clock.Elapsed < duration ? Stopwatch.GetTimestamp() : null))));
    }

    public static Task OpenLoopAsync(Func<Reminder?> next, Func<AsyncDuplexStreamingCall<SendRemindersRequest, SendRemindersResponse>> open, int streams, double rate, TimeSpan duration, PhaseRecorder recorder)
    {
        var countPerStream = (long)(rate * duration.TotalSeconds / streams);
        var interval = Stopwatch.Frequency / (rate / streams);
        var start = Stopwatch.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, streams).Select(stream =>
        {
            // Streams are offset by a fraction of the interval, so together they send evenly.
            var offset = (long)(interval * stream / streams);
            return RunStreamAsync(next, open, OpenLoopWindow, recorder, async i =>
            {
                if (i >= countPerStream)
                {
                    return null;
                }

                var intended = start + offset + (long)(i * interval);
                await Schedule.UntilAsync(intended).ConfigureAwait(false);
                return intended;
            });
        }));
    }

    /// <param name="nextStart">Given the stream's request number, when that request counts as sent; null ends the stream.</param>
    private static async Task RunStreamAsync(Func<Reminder?> next, Func<AsyncDuplexStreamingCall<SendRemindersRequest, SendRemindersResponse>> open, int window, PhaseRecorder recorder, Func<long, ValueTask<long?>> nextStart)
    {
        using var call = open();
        using var slots = new SemaphoreSlim(window);
        var sentAt = new ConcurrentQueue<long>();
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
                {
                    sentAt.TryDequeue(out var started);
                    recorder.Record(started, response.ResultCase == SendRemindersResponse.ResultOneofCase.Decision ? CallOutcome.Of(response.Decision, sends: true) : CallOutcome.Of(response.Error));
                    slots.Release();
                }
            }
            finally
            {
                // A stream that broke must not leave the writer waiting for a slot forever.
                slots.Release(window);
            }
        });

        for (long i = 0; ; i++)
        {
            await slots.WaitAsync().ConfigureAwait(false);
            if (await nextStart(i).ConfigureAwait(false) is not { } started || !recorder.TryIssue())
            {
                break;
            }

            if (next() is not { } reminder)
            {
                recorder.Unissue();
                break;
            }

            sentAt.Enqueue(started);
            await call.RequestStream.WriteAsync(new SendRemindersRequest { Reminder = reminder }).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await reader.ConfigureAwait(false);
    }
}
