
namespace Gateway.Observability;

/// <summary>Logs of caller authentication. Event ids 1200–1299 are stable; keys never appear.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(1200, LogLevel.Warning, "Refused a call to {Method}: {Why}")]
    public static partial void Refused(ILogger logger, string method, string why);
}
