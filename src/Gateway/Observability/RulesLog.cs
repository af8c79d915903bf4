
namespace Gateway.Observability;

/// <summary>Logs of rule set versions: storing, switching, refusing. Event ids 1600–1699 are stable.</summary>
internal static partial class RulesLog
{
    [LoggerMessage(1600, LogLevel.Information, "Rule set {Name} v{Version} in force (was v{Previous})")]
    public static partial void Switched(ILogger logger, string name, long version, long previous);

    [LoggerMessage(1601, LogLevel.Warning, "Rule set v{Version} in the store is invalid and was not put in force; v{InForce} stays. Problems: {Problems}")]
    public static partial void StoredVersionInvalid(ILogger logger, long version, long inForce, string problems);

    [LoggerMessage(1602, LogLevel.Warning, "Rule store unreachable while {Operation}; v{InForce} stays in force until it answers")]
    public static partial void StoreUnreachable(ILogger logger, string operation, long inForce, Exception exception);

    [LoggerMessage(1603, LogLevel.Information, "Rule store seeded with v{Version} from {Path}")]
    public static partial void Seeded(ILogger logger, long version, string path);

    [LoggerMessage(1604, LogLevel.Information, "Rule set v{Version} stored by {Author}: {Reason}")]
    public static partial void Stored(ILogger logger, long version, string author, string reason);

    [LoggerMessage(1605, LogLevel.Warning, "Stored rule set v{Version} is missing from the store; v{InForce} stays")]
    public static partial void StoredVersionMissing(ILogger logger, long version, long inForce);
}
