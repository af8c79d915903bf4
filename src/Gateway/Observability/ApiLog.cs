
namespace Gateway.Observability;

/// <summary>Logs of the gRPC surface. Event ids 1900–1999 are stable.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(1900, LogLevel.Error, "Unexpected failure in {Method} (reference {Reference})")]
    public static partial void Unexpected(ILogger logger, string method, string reference, Exception exception);
}
