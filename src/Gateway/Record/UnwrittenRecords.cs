using System.Diagnostics;
using System.Threading.Channels;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;
using UnwrittenQueue = System.Threading.Channels.Channel<Gateway.Record.UnwrittenRecord>;
using Microsoft.Extensions.Options;

namespace Gateway.Record;

/// <summary>
/// Decisions whose record the store did not take when they were made, written again in the
/// background until the store takes them or their time (<see cref="StoreOptions.UnwrittenRecordRetryFor"/>)
/// is up. It matters most after a carrier took the message: until the record is written the
/// idempotency key does not answer with it, and the reservation holds its place only for its
/// lease; after that, a caller's retry would be decided afresh and could send the reminder twice,
/// and the debtor's history would lack the message. The retries live in this process: an instance
/// that stops with records still unwritten logs each one it gives up.
/// </summary>
internal sealed class UnwrittenRecords : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(5);

    private readonly UnwrittenQueue _incoming = System.Threading.Channels.Channel.CreateUnbounded<UnwrittenRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<UnwrittenRecord> _waiting = [];
    private readonly GuardrailStore _store;
    private readonly StoreOptions _options;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly WallClock _wall;
    private readonly ILogger<UnwrittenRecords> _logger;
    private int _outstanding;

    public UnwrittenRecords(GuardrailStore store, IOptions<StoreOptions> options, GatewayMetrics metrics, TimeProvider time, WallClock wall, ILogger<UnwrittenRecords> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _wall = wall;
        _logger = logger;
    }

    /// <summary>Takes a record the store refused; false (and logged) when too many are already waiting.</summary>
    public bool Add(DecisionContext context, Decision decision, IReadOnlyList<CapRule> release, IdempotencyMode mode, bool checkIdempotency)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decision);

        if (Interlocked.Increment(ref _outstanding) > _options.UnwrittenRecordCapacity)
        {
            Interlocked.Decrement(ref _outstanding);
            _metrics.UnwrittenRecordsSettled.WithLabels("dropped").Inc();
            RecordLog.UnwrittenRecordDropped(_logger, context.ReminderId, decision.Outcome, _options.UnwrittenRecordCapacity);
            return false;
        }

        // The pipeline answers the caller with the same instance; the retry keeps its own copy.
        _incoming.Writer.TryWrite(new UnwrittenRecord(context, decision.Clone(), release, mode, checkIdempotency, _time.GetUtcNow(), Stopwatch.GetTimestamp() + ToTicks(_options.UnwrittenRecordRetryFor)));
        _metrics.UnwrittenRecords.Inc();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (_incoming.Reader.TryRead(out var record))
                {
                    record.NextAttemptAt = Stopwatch.GetTimestamp() + ToTicks(FirstBackoff);
                    _waiting.Add(record);
                }

                if (_waiting.Count == 0)
                {
                    await _incoming.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await RetryDueAsync(stoppingToken).ConfigureAwait(false);
                await WaitForNextAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: one last try for each below.
        }

        while (_incoming.Reader.TryRead(out var late))
        {
            _waiting.Add(late);
        }

        foreach (var record in _waiting.ToList())
        {
            if (!await TryWriteAsync(record).ConfigureAwait(false))
            {
                Abandon(record);
            }
        }
    }

    private async Task RetryDueAsync(CancellationToken stoppingToken)
    {
        foreach (var record in _waiting.Where(r => r.NextAttemptAt <= Stopwatch.GetTimestamp()).ToList())
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (await TryWriteAsync(record).ConfigureAwait(false))
            {
                continue;
            }

            if (Stopwatch.GetTimestamp() >= record.GiveUpAt)
            {
                Abandon(record);
                continue;
            }

            var backoff = TimeSpan.FromTicks(Math.Min(FirstBackoff.Ticks << Math.Min(record.Attempts, 10), LongestBackoff.Ticks));
            record.NextAttemptAt = Stopwatch.GetTimestamp() + ToTicks(backoff);
        }
    }

    private async Task WaitForNextAsync(CancellationToken stoppingToken)
    {
        if (_waiting.Count == 0)
        {
            return;
        }

        var until = TimeSpan.FromTicks(Math.Max(0, _waiting.Min(r => r.NextAttemptAt) - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var arrival = _incoming.Reader.WaitToReadAsync(wake.Token).AsTask();
        await Task.WhenAny(arrival, Task.Delay(until, _wall.Time, wake.Token)).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task<bool> TryWriteAsync(UnwrittenRecord record)
    {
        record.Attempts++;
        try
        {
            // A decision that never reached the reserve step is checked against its key as first
            // tried; if the key answers with another decision meanwhile, that one stands.
            await _store.FinishAsync(record.Context, record.Decision, record.Release, record.Mode, CancellationToken.None, record.CheckIdempotency, retryOf: record.FirstTriedAt).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return false;
        }

        _waiting.Remove(record);
        Interlocked.Decrement(ref _outstanding);
        _metrics.UnwrittenRecords.Dec();
        _metrics.UnwrittenRecordsSettled.WithLabels("written").Inc();
        RecordLog.UnwrittenRecordWritten(_logger, record.Context.ReminderId, record.Decision.Outcome, record.Attempts);
        return true;
    }

    private void Abandon(UnwrittenRecord record)
    {
        _waiting.Remove(record);
        Interlocked.Decrement(ref _outstanding);
        _metrics.UnwrittenRecords.Dec();
        _metrics.UnwrittenRecordsSettled.WithLabels("abandoned").Inc();
        RecordLog.UnwrittenRecordAbandoned(_logger, record.Context.ReminderId, record.Decision.Outcome, record.Attempts);
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
