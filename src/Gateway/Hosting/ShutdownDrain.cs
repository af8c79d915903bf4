using Gateway.Decisions;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>
/// Between SIGTERM and exit: readiness goes NOT_SERVING at once, the listeners stay open for
/// <see cref="DrainOptions.ReadinessDelay"/> so that whoever routes to this instance sees it go
/// and stops, then Kestrel closes them and lets decisions in flight finish within the host's
/// shutdown timeout (set to the delay plus <see cref="DrainOptions.Timeout"/>). Only the
/// production entry point adds it: a test host that stops in process has nothing routing to it.
/// </summary>
internal sealed class ShutdownDrain(DrainState drain, IOptions<DrainOptions> options, WallClock clock, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    // StoppingAsync runs before any hosted service's StopAsync, so before Kestrel's listeners close.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        drain.Begin();
        HostingLog.DrainStarted(logger, settings.ReadinessDelay, settings.Timeout);
        try
        {
            await Task.Delay(settings.ReadinessDelay, clock.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out first: close the listeners now.
        }

        HostingLog.ListenersClosing(logger);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
