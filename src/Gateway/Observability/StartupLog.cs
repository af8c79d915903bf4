
namespace Gateway.Observability;

/// <summary>Logs of start-up and configuration. Event ids 1100–1199 are stable.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(1100, LogLevel.Information, "Rule set {Name} v{Version} in force: {Templates} templates, {Jurisdictions} jurisdictions")]
    public static partial void RuleSetLoaded(ILogger logger, string name, long version, int templates, int jurisdictions);

    [LoggerMessage(1101, LogLevel.Information, "Gateway listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);
}
