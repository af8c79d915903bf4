using Gateway.Observability;
using Gateway.Rules;
using Microsoft.Extensions.Options;

namespace Gateway.RuleSets;

/// <summary>
/// Holds the rule set in force. Readers take <see cref="Current"/> once per request; a new set
/// replaces the whole reference, so no request sees half of an update. Construction loads the
/// configured file and throws, naming every problem, if it is invalid: a gateway never starts
/// without a valid rule set. Later versions come from the store (<see cref="Versions.RuleSetSync"/>).
/// </summary>
internal sealed class RuleSetProvider
{
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private RuleSet _current;

    public RuleSetProvider(IOptions<RuleFileOptions> options, IHostEnvironment environment, GatewayMetrics metrics, TimeProvider time)
    {
        _metrics = metrics;
        _time = time;

        // A relative path is relative to the application's folder, where the presets are shipped.
        FilePath = Path.Combine(environment.ContentRootPath, options.Value.RuleSetPath);
        _current = RuleSetLoader.LoadFile(FilePath);
        FileText = File.ReadAllText(FilePath);
        FileRules = _current;
        _metrics.RuleSetVersion.Set(_current.Version);
    }

    /// <summary>The latest version this instance holds, which may not be effective yet (see <see cref="RuleSet.EffectiveFrom"/>).</summary>
    public RuleSet Current => Volatile.Read(ref _current);

    /// <summary>The version that decides a request now: <see cref="Current"/>, or while it is not yet effective, the one it replaced.</summary>
    public RuleSet InForce => InForceAt(_time.GetUtcNow());

    /// <summary>The version that decides a request made at <paramref name="instant"/>.</summary>
    public RuleSet InForceAt(DateTimeOffset instant) => Current.InForceAt(instant);

    /// <summary>The rule file loaded at start-up, its text (to seed an empty store) and its rules.</summary>
    public string FilePath { get; }

    public string FileText { get; }

    public RuleSet FileRules { get; }

    /// <summary>
    /// Puts <paramref name="next"/> in force only if it is newer than the set in force. The admin
    /// call that stored a version and the store watcher may both offer it; versions only grow.
    /// </summary>
    public bool TryAdvance(RuleSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            if (next.Version <= _current.Version)
            {
                return false;
            }

            // A version that is not yet effective keeps the one it replaces, which decides until
            // then; a replaced version that is already effective needs nothing older.
            var previous = _current.EffectiveFrom is { } from && _time.GetUtcNow() < from ? _current : _current with { Previous = null };
            Volatile.Write(ref _current, next.EffectiveFrom is null ? next : next with { Previous = previous });
            _metrics.RuleSetVersion.Set(next.Version);
            return true;
        }
    }
}
