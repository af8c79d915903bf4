using Gateway.Hosting;
using Gateway.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Rules;

/// <summary>
/// Holds the rule set in force. Readers take <see cref="Current"/> once per request; a new set
/// replaces the whole reference, so no request sees half of an update. Construction loads the
/// configured file and throws, naming every problem, if it is invalid: a gateway never starts
/// without a valid rule set.
/// </summary>
internal sealed class RuleSetProvider
{
    private readonly GatewayMetrics _metrics;
    private RuleSet _current;

    public RuleSetProvider(IOptions<GatewayOptions> options, IHostEnvironment environment, GatewayMetrics metrics)
    {
        _metrics = metrics;

        // A relative path is relative to the application's folder, where the presets are shipped.
        _current = RuleSetLoader.LoadFile(Path.Combine(environment.ContentRootPath, options.Value.RuleSetPath));
        _metrics.RuleSetVersion.Set(_current.Version);
    }

    public RuleSet Current => Volatile.Read(ref _current);

    public void Replace(RuleSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
        _metrics.RuleSetVersion.Set(next.Version);
    }
}
