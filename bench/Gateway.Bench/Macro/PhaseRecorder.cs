using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gateway.Bench.Macro;

/// <summary>
/// Everything one phase observed from the client side: each answer's latency (Stopwatch ticks),
/// its outcome, and every message id the gateway said it sent. Thread-safe; sized for the phase's
/// count bound, so recording never allocates on the hot path.
/// </summary>
internal sealed class PhaseRecorder(int capacity)
{
    private readonly long[] _latencies = new long[capacity];
    private int _recorded;
    private int _issued;

    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> SentMessageIds { get; } = new();

    public int Issued => Volatile.Read(ref _issued);

    public int Answered => Math.Min(Volatile.Read(ref _recorded), _latencies.Length);

    /// <summary>Claims the next request of the phase; false once the phase's count bound is reached.</summary>
    public bool TryIssue()
    {
        if (Interlocked.Increment(ref _issued) <= _latencies.Length)
        {
            return true;
        }

        Interlocked.Decrement(ref _issued);
        return false;
    }

    /// <summary>Gives back a claim that was not used (the debtor pool ran dry).</summary>
    public void Unissue() => Interlocked.Decrement(ref _issued);

    public void Record(long startTimestamp, CallOutcome outcome)
    {
        var latency = Stopwatch.GetTimestamp() - startTimestamp;
        var slot = Interlocked.Increment(ref _recorded) - 1;
        if (slot < _latencies.Length)
        {
            _latencies[slot] = latency;
        }

        Outcomes.AddOrUpdate(outcome.Label, 1, static (_, n) => n + 1);
        if (outcome.SentMessageId is { } id)
        {
            SentMessageIds.Enqueue(id);
        }
    }

    /// <summary>Latency percentiles in milliseconds (nearest rank), and the maximum.</summary>
    public (double P50, double P95, double P99, double Max) Percentiles()
    {
        var sorted = _latencies.AsSpan(0, Answered).ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0, 0, 0);
        }

        Array.Sort(sorted);
        double At(double q) => Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return (At(0.50), At(0.95), At(0.99), Milliseconds(sorted[^1]));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
