using Gateway.Decisions;
using System.Diagnostics;
using Gateway.Observability;
using Gateway.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Recent;

/// <summary>
/// Writes the decided requests waiting in <see cref="RecentDecisions"/> to the store every
/// <see cref="RecentDecisionsOptions.FlushInterval"/>: per tenant, one <c>LPUSH</c> of the batch,
/// an <c>LTRIM</c> to the capacity and an expiry at the retention, all pipelined in one round
/// trip, so a decision never waits for the log. Entries past the retention are swept from the
/// end of each tenant's list about once a minute. Best effort: a batch the store does not take
/// is dropped and counted (<c>gateway_recent_requests_dropped_total</c>), with a warning at most
/// every 30 s, and writing resumes once the store answers.
/// </summary>
internal sealed class RecentDecisionsWriter(
    RecentDecisions log,
    GuardrailStore store,
    GatewayMetrics metrics,
    IOptions<RecentDecisionsOptions> options,
    TimeProvider time,
    WallClock wall,
    ILogger<RecentDecisionsWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2_000;
    private const int SweepLimit = 1_000;
    private static readonly TimeSpan WarnEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly RecentDecisionsOptions _options = options.Value;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _sweptAt = new(StringComparer.Ordinal);
    private TimeSpan? _warnedAt;
    private long _droppedSinceWarning;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!log.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Real time: the interval paces the writer; the entries carry business time.
                await Task.Delay(_options.FlushInterval, wall.Time, stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        // Stopping: what still waits is written once more, best effort, within the store's budget.
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Writes everything waiting now, in batches of at most <see cref="MaxBatch"/>.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var full = log.TakeQueueFullDrops();
        if (full > 0)
        {
            Dropped(full, "queue_full");
        }

        var batch = new List<RecentEntry>(Math.Min(MaxBatch, log.Pending.Count));
        do
        {
            batch.Clear();
            while (batch.Count < MaxBatch && log.Pending.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        while (batch.Count == MaxBatch);
    }

    private async Task WriteAsync(List<RecentEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            var byTenant = entries.GroupBy(entry => entry.TenantId, StringComparer.Ordinal)
                .Select(group => (Key: StoreKeys.Recent(group.Key), Tenant: group.Key, Values: group.Select(entry => (RedisValue)log.Seal(entry)).ToArray()))
                .ToList();
            var oldestKept = (time.GetUtcNow() - _options.Retention).ToUnixTimeMilliseconds();
            await store.RunAsync("recent", async db =>
            {
                var batch = db.CreateBatch();
                var writes = new List<Task>(byTenant.Count * 4);
                foreach (var (key, tenant, values) in byTenant)
                {
                    // Oldest first, so that the newest ends up at the head of the list.
                    writes.Add(batch.ListLeftPushAsync(key, values));
                    writes.Add(batch.ListTrimAsync(key, 0, _options.Capacity - 1));
                    writes.Add(batch.KeyExpireAsync(key, _options.Retention));
                    if (SweepDue(tenant))
                    {
                        writes.Add(batch.ScriptEvaluateAsync(LuaScripts.RecentTrim, [key], [oldestKept, SweepLimit]));
                    }
                }

                batch.Execute();
                await Task.WhenAll(writes).ConfigureAwait(false);
                return writes.Count;
            }, cancellationToken).ConfigureAwait(false);
            metrics.RecentRequestsLogged.Inc(entries.Count);
        }
        catch (StoreUnavailableException)
        {
            Dropped(entries.Count, "store_unavailable");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Dropped(entries.Count, "store_unavailable");
            throw;
        }
#pragma warning disable CA1031 // The writer must outlive any one bad batch; what went wrong is logged at Error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RecentLog.WriteFailed(logger, ex);
            metrics.RecentRequestsDropped.WithLabels("error").Inc(entries.Count);
        }
    }

    private bool SweepDue(string tenant)
    {
        if (_sweptAt.TryGetValue(tenant, out var at) && _clock.Elapsed - at < SweepEvery)
        {
            return false;
        }

        _sweptAt[tenant] = _clock.Elapsed;
        return true;
    }

    /// <summary>Counts dropped entries; warns at most every <see cref="WarnEvery"/>, with the count since the last warning.</summary>
    private void Dropped(long count, string reason)
    {
        metrics.RecentRequestsDropped.WithLabels(reason).Inc(count);
        _droppedSinceWarning += count;
        var now = _clock.Elapsed;
        if (_warnedAt is { } warned && now - warned < WarnEvery)
        {
            return;
        }

        RecentLog.Dropped(logger, _droppedSinceWarning, (long)(_warnedAt is { } last ? now - last : now).TotalSeconds, reason);
        _warnedAt = now;
        _droppedSinceWarning = 0;
    }
}
