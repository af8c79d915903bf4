using Grpc.Core;

namespace Gateway.Sandbox.Lender;

/// <summary>
/// Faults the sandbox lender injects into every answer, changeable while it runs, so tests can
/// make it slow, failing or malformed over a real connection.
/// </summary>
public sealed class LenderFaults
{
    private volatile FaultSettings _settings = FaultSettings.None;

    /// <summary>How many calls the lender has answered or failed; tests use it to prove the gateway asked.</summary>
    public int Calls => _calls;

    private int _calls;

    public void Set(FaultSettings settings) => _settings = settings ?? FaultSettings.None;

    public void Clear() => _settings = FaultSettings.None;

    internal async Task<bool> ApplyAsync(ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        var settings = _settings;
        if (settings.Delay > TimeSpan.Zero)
        {
            await Task.Delay(settings.Delay, context.CancellationToken).ConfigureAwait(false);
        }

        if (settings.FailWith is { } status)
        {
            throw new RpcException(new Status(status, "sandbox lender: injected fault"));
        }

        return settings.Malformed;
    }
}

/// <summary>One set of faults: a delay before answering, then a failure, or a malformed answer.</summary>
public sealed record FaultSettings(TimeSpan Delay = default, StatusCode? FailWith = null, bool Malformed = false)
{
    public static readonly FaultSettings None = new();
}
