using Gateway.Decisions;
using Gateway.Deferral;
using Gateway.Observability;
using Gateway.Pipeline;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Microsoft.Extensions.Options;

namespace Gateway.Release;

/// <summary>
/// Releases held reminders when they are due, on whichever instance is free: claims due entries
/// under a lease, runs the whole pipeline again for each (consent, caps, quiet hours, recheck), and
/// completes the entry. An instance that dies mid-release simply lets its lease run out; another
/// takes the reminder over, and the reminder's own idempotency key keeps it from going twice.
/// </summary>
internal sealed class HeldReminderReleaser(
    HeldReminders held,
    DueShards shards,
    DecisionPipeline pipeline,
    TenantDirectory tenants,
    GatewayMetrics metrics,
    IOptions<DeferralOptions> options,
    TimeProvider time,
    WallClock wall,
    ILogger<HeldReminderReleaser> logger) : BackgroundService
{
    private static readonly TimeSpan MeasureEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DecisionBudget = TimeSpan.FromSeconds(30);

    private readonly DeferralOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.ReleaseEnabled)
        {
            return;
        }

        // Not disposed: detached releases may still release it while the service stops.
        var gate = new SemaphoreSlim(_options.Concurrency);
        TimeSpan? lastMeasured = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One claim per shard of each tenant this instance serves, sent together (pipelined),
                // so a poll costs one round trip's wait. Tenants it does not serve are not touched.
                var batches = await Task.WhenAll(tenants.Tenants.Keys.SelectMany(tenant => Enumerable.Range(0, shards.Count).Select(shard => held.ClaimDueAsync(tenant, shard, stoppingToken)))).ConfigureAwait(false);
                var claimed = 0;
                foreach (var claim in batches.SelectMany(batch => batch))
                {
                    claimed++;
                    await gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                    _ = ReleaseAsync(claim, gate, stoppingToken);
                }

                if (lastMeasured is null || clock.Elapsed - lastMeasured > MeasureEvery)
                {
                    lastMeasured = clock.Elapsed;
                    await MeasureAsync(stoppingToken).ConfigureAwait(false);
                }

                if (claimed > 0)
                {
                    continue;
                }
            }
            catch (StoreUnavailableException ex)
            {
                DeferralLog.StoreUnavailable(logger, ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any one bad poll; what went wrong is logged at Error.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DeferralLog.PollFailed(logger, ex);
            }

            try
            {
                // Real time: polling paces the worker, while due-ness is judged on the business clock.
                await Task.Delay(_options.PollInterval, wall.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReleaseAsync(DueClaim claim, SemaphoreSlim gate, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await DecideAsync(claim, stoppingToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                metrics.DeferredReleased.WithLabels(outcome).Inc();
                await held.CompleteAsync(claim, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StoreUnavailableException or GatewayUnavailableException or OperationCanceledException)
        {
            // Left claimed: the entry comes due again when the lease ends, and is retried then.
            DeferralLog.ReleaseRetried(logger, claim.Member.Split('|')[^1], ex.GetType().Name);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the store may already be closed. The claim lapses and another instance goes on.
        }
#pragma warning disable CA1031 // A release runs detached: anything it throws must be seen, and the claim left to its lease.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeferralLog.ReleaseFailed(logger, claim.Member.Split('|')[^1], ex);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Decides one due reminder; returns the metric outcome, or null to leave the claim to its lease.</summary>
    private async Task<string?> DecideAsync(DueClaim claim, CancellationToken stoppingToken)
    {
        var (tenantId, debtorId, reminderId) = DueShards.Parse(claim.Member);
        var reminder = await held.ReadAsync(tenantId, debtorId, reminderId, stoppingToken).ConfigureAwait(false);
        if (reminder is null)
        {
            return "gone";
        }

        if (time.GetUtcNow() > reminder.ValidUntil && reminder.State is "held" or "review")
        {
            await held.ExpireAsync(reminder, stoppingToken).ConfigureAwait(false);
            return "expired";
        }

        if (!reminder.Releasable)
        {
            return "gone";
        }

        if (!tenants.Tenants.TryGetValue(tenantId, out var tenant))
        {
            // Only a served tenant's shards are claimed from, so this is a corrupt entry: leave it.
            DeferralLog.TenantGone(logger, reminderId, tenantId);
            return null;
        }

        var deadline = wall.GetUtcNow() + DecisionBudget;
        var result = await pipeline.DecideAsync(new DecisionRequest(tenant, reminder.Request, DecisionMode.Send, deadline) { ReleasingReminderId = reminderId }, stoppingToken).ConfigureAwait(false);
        if (result.Decision is not { } decision)
        {
            // The rule set changed under it (a template withdrawn): it can no longer go as asked.
            DeferralLog.NoLongerValid(logger, reminderId, result.Rules.Version, string.Join(", ", result.Violations.Select(v => v.Field)));
            await held.ExpireAsync(reminder, stoppingToken).ConfigureAwait(false);
            return "expired";
        }

        return RuleNames.Of(decision.Outcome);
    }

    private async Task MeasureAsync(CancellationToken stoppingToken)
    {
        var (pending, inReview, oldestDue) = await held.MeasureAsync(tenants.Tenants.Keys, stoppingToken).ConfigureAwait(false);
        metrics.DeferredPending.Set(pending);
        metrics.ReviewPending.Set(inReview);
        var overdue = oldestDue is { } due ? (time.GetUtcNow() - due).TotalSeconds : 0;
        metrics.DeferredOldestDueAge.Set(Math.Max(0, overdue));
    }
}
