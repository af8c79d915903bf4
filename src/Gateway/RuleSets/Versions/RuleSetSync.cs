using Gateway.Observability;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.RuleSets.Versions;

/// <summary>
/// Keeps this instance on the latest good version in the store: woken by the pub/sub notice that
/// any instance publishes on an update, and every <see cref="RuleStoreOptions.PollInterval"/>
/// regardless (a notice is lost while the subscriber reconnects). A stored version that does not
/// compile is never put in force; the last good one stays. Before the first request, it seeds an
/// empty store from the rule file, or takes the store's version when that is newer than the file.
/// </summary>
internal sealed class RuleSetSync(RuleSetStore store, RuleSetProvider provider, IOptions<RuleStoreOptions> options, ILogger<RuleSetSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _refused;
    private bool _subscribed;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosted services start before the server listens, so the first request already sees the
        // store's version. A store that cannot be reached now leaves the file's version in force
        // (decisions fail closed without the store anyway) and the loop below catches up.
        await SubscribeAsync().ConfigureAwait(false);
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Real time, not the business clock: this is how fresh the rules are, not a rule.
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!_subscribed)
            {
                await SubscribeAsync().ConfigureAwait(false);
            }

            await ReconcileAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await store.SubscribeAsync(Wake).ConfigureAwait(false);
            _subscribed = true;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            RulesLog.StoreUnreachable(logger, "subscribing", provider.Current.Version, ex);
        }
    }

    private void Wake()
    {
        // One pending wake-up is enough: the reconcile that follows reads the latest version.
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var inForce = provider.Current;
        try
        {
            var latest = await store.GetLatestVersionAsync(cancellationToken).ConfigureAwait(false);
            var file = provider.FileRules;
            if (latest < file.Version)
            {
                var seeded = await store.AppendAsync(provider.FileText, file.Name, "file", "seeded from " + Path.GetFileName(provider.FilePath), -1, file.Version, 0, cancellationToken).ConfigureAwait(false);
                if (seeded.Stored)
                {
                    RulesLog.Seeded(logger, seeded.Version, provider.FilePath);
                }

                latest = seeded.Version;
            }

            if (latest <= inForce.Version || latest == Volatile.Read(ref _refused))
            {
                return;
            }

            var stored = await store.GetAsync(latest, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                RulesLog.StoredVersionMissing(logger, latest, inForce.Version);
                return;
            }

            var problems = new List<RuleProblem>();
            var next = RuleSetLoader.TryParseVersioned(stored.Text, stored.Version, problems);
            if (next is null)
            {
                // Remembered so that the warning is logged once per bad version, not every poll.
                Volatile.Write(ref _refused, latest);
                RulesLog.StoredVersionInvalid(logger, latest, inForce.Version, string.Join("; ", problems));
                return;
            }

            if (provider.TryAdvance(next))
            {
                RulesLog.Switched(logger, next.Name, next.Version, inForce.Version);
            }
        }
        catch (StoreUnavailableException ex)
        {
            RulesLog.StoreUnreachable(logger, "checking for a new version", inForce.Version, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
